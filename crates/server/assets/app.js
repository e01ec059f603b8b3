// Placeholder: the front end is on branch `web`.
document.body.dataset.ready = "1";
