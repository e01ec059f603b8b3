//! Every endpoint, called in process over a fixture store.

mod common;

use annalist_server::{router, StorePool};
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use tower::ServiceExt;

struct Api {
    app: Router,
    fixture: common::Fixture,
    _dir: tempfile::TempDir,
}

fn api() -> Api {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::store(dir.path());
    let app = router(StorePool::with_size(&fixture.db, 2).unwrap());
    Api {
        app,
        fixture,
        _dir: dir,
    }
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .map_or("", |v| v.to_str().unwrap())
    }
}

impl Api {
    async fn request(&self, method: Method, uri: &str) -> Answer {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.request(Method::GET, uri).await
    }

    /// A 200 with a JSON body.
    async fn ok(&self, uri: &str) -> Value {
        let answer = self.get(uri).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{uri}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        assert_eq!(
            answer.content_type(),
            "application/json; charset=utf-8",
            "{uri}"
        );
        answer.json()
    }

    /// An error with this status and an `{"error": "..."}` body; its message.
    async fn error(&self, uri: &str, status: StatusCode) -> String {
        let answer = self.get(uri).await;
        assert_eq!(answer.status, status, "{uri}");
        assert_eq!(
            answer.content_type(),
            "application/json; charset=utf-8",
            "{uri}"
        );
        let body = answer.json();
        let object = body.as_object().expect("an object");
        assert_eq!(object.len(), 1, "{uri}: {body}");
        let message = body["error"].as_str().expect("an error message");
        assert!(!message.is_empty());
        message.to_string()
    }
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[tokio::test]
async fn events_list_filter_and_page() {
    let api = api();
    let all = api.ok("/api/events").await;
    assert_eq!(keys(&all), ["events", "total"]);
    assert_eq!(all["total"], 3);
    assert_eq!(all["events"].as_array().unwrap().len(), 3);

    let dyad = api.ok("/api/events?dyad=CHN,RUS").await;
    assert_eq!(dyad["total"], 2);
    let events = dyad["events"].as_array().unwrap();
    // Newest first: the meeting on 2023-07-03, then the patrols of July (from 2023-07-01).
    let meeting = &events[0];
    assert_eq!(meeting["code"], "040");
    assert_eq!(meeting["quad"], 1);
    assert_eq!(meeting["day"], "2023-07-03");
    assert_eq!(meeting["modality"], "occurred");
    assert_eq!(
        meeting["source"],
        json!({"actor": "CHNMIL", "country": "CHN", "name": "Li Shangfu"})
    );
    assert_eq!(meeting["target"]["actor"], "RUSMIL");
    assert_eq!(meeting["place"]["name"], "Beijing");
    assert_eq!(meeting["place"]["country"], "CHN");
    // Reported by the article and its exact copy: one document, two sites.
    assert_eq!(meeting["num_mentions"], 1);
    assert_eq!(meeting["num_sources"], 2);
    let mention = &meeting["mentions"][0];
    assert_eq!(mention["doc"], api.fixture.china.as_str());
    assert_eq!(mention["event"], 0);
    assert!(mention["sentence"]
        .as_str()
        .unwrap()
        .starts_with("China's defence minister"));
    assert_eq!(events[1]["code"], "062");
    assert_eq!(events[1]["modality"], "planned");

    // Every filter, and an empty value that counts as not given.
    for (query, total) in [
        ("actor=RUS", 2),
        ("source=CHN&target=RUS", 2),
        ("source=USA", 1),
        ("code=04", 1),
        ("root=06", 1),
        ("quad=2", 1),
        ("modality=claimed", 1),
        ("from=2023-07-02&to=2023-07-03", 1),
        ("place=Beijing", 1),
        ("q=admiral", 2),
        ("q=&quad=", 3),
    ] {
        let page = api.ok(&format!("/api/events?{query}")).await;
        assert_eq!(page["total"], total, "{query}");
    }

    let paged = api.ok("/api/events?dyad=CHN,RUS&limit=1&offset=1").await;
    assert_eq!(paged["total"], 2);
    assert_eq!(paged["events"].as_array().unwrap().len(), 1);
    assert_eq!(paged["events"][0]["code"], "062");
    // A limit over the maximum is read as the maximum.
    let big = api.ok("/api/events?limit=100000").await;
    assert_eq!(big["events"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn bad_filters_and_parameters_are_400() {
    let api = api();
    for uri in [
        "/api/events?quad=9",
        "/api/events?quad=x",
        "/api/events?quad=300",
        "/api/events?colour=red",
        "/api/events?colour=",
        "/api/events?limit=-1",
        "/api/events?limit=ten",
        "/api/events?q=a&q=b",
        "/api/events?from=yesterday",
        "/api/events?dyad=CHN",
        "/api/events?modality=maybe",
        "/api/events?q=***",
        "/api/series?quad=9",
        "/api/series?limit=5",
        "/api/graph?offset=5",
        "/api/graph?unknown=1",
        "/api/documents?quad=1",
        "/api/documents?q=%22%22",
        "/api/entities?dyad=CHN,RUS",
        "/api/stats?x=1",
        "/api/events/abc",
        "/api/events/1?x=1",
    ] {
        let message = api.error(uri, StatusCode::BAD_REQUEST).await;
        assert!(!message.contains("panic"), "{uri}: {message}");
    }
    let message = api
        .error("/api/events?quad=9", StatusCode::BAD_REQUEST)
        .await;
    assert!(message.contains("quad"), "{message}");
    let message = api
        .error("/api/events?colour=red", StatusCode::BAD_REQUEST)
        .await;
    assert!(message.contains("colour"), "{message}");
}

#[tokio::test]
async fn one_event_or_404() {
    let api = api();
    let first = api.ok("/api/events?code=040").await;
    let id = first["events"][0]["id"].as_i64().unwrap();
    let event = api.ok(&format!("/api/events/{id}")).await;
    assert_eq!(event, first["events"][0]);
    api.error("/api/events/999999", StatusCode::NOT_FOUND).await;
    api.error("/api/events/-1", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn series_by_day_and_quad() {
    let api = api();
    let series = api.ok("/api/series").await;
    assert_eq!(keys(&series), ["days"]);
    // Days ascending; the script document's event is dated by its publication.
    assert_eq!(
        series["days"],
        json!([
            {"day": "2023-07-01", "quad": [0, 1, 0, 0]},
            {"day": "2023-07-03", "quad": [1, 0, 0, 0]},
            {"day": "2023-07-04", "quad": [1, 0, 0, 0]},
        ])
    );
    let filtered = api.ok("/api/series?dyad=CHN,RUS&quad=1").await;
    assert_eq!(
        filtered["days"],
        json!([{"day": "2023-07-03", "quad": [1, 0, 0, 0]}])
    );
}

#[tokio::test]
async fn graph_of_who_acts_on_whom() {
    let api = api();
    let graph = api.ok("/api/graph").await;
    assert_eq!(keys(&graph), ["edges", "nodes"]);
    assert_eq!(
        graph["nodes"],
        json!([
            {"id": "CHN", "events": 2},
            {"id": "FRA", "events": 1},
            {"id": "RUS", "events": 2},
            {"id": "USA", "events": 1},
        ])
    );
    assert_eq!(graph["edges"][0]["source"], "CHN");
    assert_eq!(graph["edges"][0]["target"], "RUS");
    assert_eq!(graph["edges"][0]["count"], 2);
    let one = api.ok("/api/graph?limit=1&quad=1").await;
    assert_eq!(one["edges"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn documents_list_and_search() {
    let api = api();
    let all = api.ok("/api/documents").await;
    assert_eq!(keys(&all), ["documents", "total"]);
    assert_eq!(all["total"], 2);
    let row = &all["documents"][1];
    assert_eq!(
        keys(row),
        [
            "id",
            "published",
            "site",
            "snippet",
            "story",
            "title",
            "url"
        ]
    );
    assert_eq!(row["id"], api.fixture.china.as_str());
    assert_eq!(row["site"], "news.example.com");
    let found = api.ok("/api/documents?q=Evmenov&limit=5&offset=0").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["documents"][0]["id"], api.fixture.china.as_str());
    let none = api.ok("/api/documents?q=nothing+here").await;
    assert_eq!(none, json!({"total": 0, "documents": []}));
}

#[tokio::test]
async fn one_document_with_its_record() {
    let api = api();
    let view = api
        .ok(&format!("/api/documents/{}", api.fixture.china))
        .await;
    assert_eq!(keys(&view), ["copies", "events", "record", "story"]);
    assert_eq!(view["record"]["text"], api.fixture.china_text.as_str());
    assert_eq!(view["record"]["schema"], "annalist/1");
    assert_eq!(view["record"]["doc"]["id"], api.fixture.china.as_str());
    assert_eq!(view["record"]["entities"].as_array().unwrap().len(), 5);
    assert_eq!(view["record"]["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(view["record"]["times"][0]["value"], "2023-07-03");
    assert!(view["story"].is_i64());
    assert_eq!(
        view["copies"],
        json!([
            {"source": "china-russia.html", "url": "https://news.example.com/2023/07/03/china-russia"},
            {"source": "mirror.html", "url": "https://mirror.example.org/china-russia"},
        ])
    );
    let events = view["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(Value::is_i64));
    // An id prefix of 8 hex digits is enough.
    let short = api
        .ok(&format!("/api/documents/{}", &api.fixture.china[..8]))
        .await;
    assert_eq!(short, view);
    let xss = api.ok(&format!("/api/documents/{}", api.fixture.xss)).await;
    assert_eq!(xss["record"]["text"], common::XSS_TEXT);

    for id in [
        "0123456789abcdef0123456789abcdef",
        "nothex",
        "abc",
        "%3Cscript%3E",
    ] {
        api.error(&format!("/api/documents/{id}"), StatusCode::NOT_FOUND)
            .await;
    }
}

#[tokio::test]
async fn entities_by_prefix_type_and_country() {
    let api = api();
    let all = api.ok("/api/entities").await;
    assert_eq!(keys(&all), ["entities"]);
    assert_eq!(all["entities"].as_array().unwrap().len(), 7);
    let li = api.ok("/api/entities?q=li&type=PERSON&country=CHN").await;
    assert_eq!(
        li["entities"],
        json!([{
            "name": "Li Shangfu", "type": "PERSON", "country": "CHN", "actor": "CHNMIL",
            "documents": 1, "mentions": 2
        }])
    );
    let gpe = api.ok("/api/entities?type=gpe&limit=1").await;
    assert_eq!(gpe["entities"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn stats_count_everything() {
    let api = api();
    let stats = api.ok("/api/stats").await;
    assert_eq!(
        stats,
        json!({
            "documents": 2, "stories": 2, "copies": 3, "events": 3,
            "event_mentions": 3, "failed": 0
        })
    );
}

#[tokio::test]
async fn openapi_lists_every_path() {
    let api = api();
    let spec = api.ok("/api/openapi.json").await;
    assert_eq!(spec["openapi"], "3.0.3");
    let paths = spec["paths"].as_object().unwrap();
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/series",
        "/api/graph",
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/stats",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(path), "{path}");
        assert!(paths[path]["get"]["responses"]["200"].is_object(), "{path}");
    }
    assert_eq!(paths.len(), 9);
    // Every filter is described where filters are taken.
    let parameters = &spec["components"]["parameters"];
    for name in [
        "q", "actor", "source", "target", "dyad", "code", "root", "quad", "modality", "from", "to",
        "place",
    ] {
        assert_eq!(parameters[name]["name"], name);
    }
    // Every reference resolves.
    fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("$ref", Value::String(target)) => out.push(target),
                        _ => refs(value, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut targets = Vec::new();
    refs(&spec, &mut targets);
    assert!(!targets.is_empty());
    for target in targets {
        let pointer = target.strip_prefix('#').expect("a local reference");
        assert!(spec.pointer(pointer).is_some(), "{target}");
    }
}

#[tokio::test]
async fn page_and_assets() {
    let api = api();
    let page = api.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.content_type(), "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(&page.body).contains("<html"));
    for (path, content_type) in [
        ("/assets/index.html", "text/html; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        (
            "/assets/vendor/chart.umd.min.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "/assets/vendor/cytoscape.min.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "/assets/vendor/cytoscape.LICENSE",
            "text/plain; charset=utf-8",
        ),
    ] {
        let answer = api.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(answer.content_type(), content_type, "{path}");
        assert!(!answer.body.is_empty());
    }
    for path in [
        "/assets/nothing.js",
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets/README.md",
        "/nothing",
        "/api/nothing",
    ] {
        api.error(path, StatusCode::NOT_FOUND).await;
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let api = api();
    let csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
               object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    let doc = format!("/api/documents/{}", api.fixture.china);
    for (method, uri) in [
        (Method::GET, "/"),
        (Method::GET, "/assets/app.js"),
        (Method::GET, "/api/events"),
        (Method::GET, doc.as_str()),
        (Method::GET, "/api/events?quad=9"),
        (Method::GET, "/api/documents/0123456789abcdef"),
        (Method::GET, "/nothing"),
        (Method::POST, "/api/events"),
        (Method::DELETE, "/"),
    ] {
        let answer = api.request(method.clone(), uri).await;
        let header = |name: &str| {
            answer
                .headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
        };
        assert_eq!(
            header("content-security-policy").as_deref(),
            Some(csp),
            "{uri}"
        );
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(header("referrer-policy").as_deref(), Some("no-referrer"));
        if method != Method::GET {
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {uri}"
            );
            assert!(answer.json()["error"].is_string());
        }
    }
}

#[tokio::test]
async fn a_missing_store_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let error = StorePool::open(&dir.path().join("none.db")).unwrap_err();
    assert!(error.to_string().contains("no store"), "{error}");
}
