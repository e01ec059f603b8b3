//! A dataset's columns as data: each column's name, Arrow type and SQL expression, and the
//! builders that turn SQLite rows into Arrow record batches.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rusqlite::Row;

use crate::Error;

/// The Arrow type of a column, and how its SQLite value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A boolean, stored as 0 or 1.
    Bool,
    /// A 32-bit integer.
    Int32,
    /// A 64-bit integer.
    Int64,
    /// A double.
    Float64,
    /// UTF-8 text.
    Text,
    /// A day, stored as days since 1970-01-01 (Arrow `Date32`, Parquet `DATE`).
    Date,
}

impl Kind {
    fn data_type(self) -> DataType {
        match self {
            Kind::Bool => DataType::Boolean,
            Kind::Int32 => DataType::Int32,
            Kind::Int64 => DataType::Int64,
            Kind::Float64 => DataType::Float64,
            Kind::Text => DataType::Utf8,
            Kind::Date => DataType::Date32,
        }
    }
}

/// One column of a dataset.
#[derive(Clone, Copy, Debug)]
pub(super) struct Column {
    /// Its name in the Parquet file.
    pub name: &'static str,
    /// Its type.
    pub kind: Kind,
    /// Whether it may be null.
    pub nullable: bool,
    /// The SQL expression that gives its value.
    pub sql: &'static str,
}

/// A column that is never null.
pub(super) const fn required(name: &'static str, kind: Kind, sql: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable: false,
        sql,
    }
}

/// A column that may be null.
pub(super) const fn optional(name: &'static str, kind: Kind, sql: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable: true,
        sql,
    }
}

/// The Arrow schema of `columns`.
pub(super) fn schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, c.kind.data_type(), c.nullable))
            .collect::<Vec<_>>(),
    ))
}

/// One column's values so far.
enum Builder {
    Bool(BooleanBuilder),
    Int32(Int32Builder),
    Int64(Int64Builder),
    Float64(Float64Builder),
    Text(StringBuilder),
    Date(Date32Builder),
}

impl Builder {
    fn new(kind: Kind, rows: usize) -> Builder {
        match kind {
            Kind::Bool => Builder::Bool(BooleanBuilder::with_capacity(rows)),
            Kind::Int32 => Builder::Int32(Int32Builder::with_capacity(rows)),
            Kind::Int64 => Builder::Int64(Int64Builder::with_capacity(rows)),
            Kind::Float64 => Builder::Float64(Float64Builder::with_capacity(rows)),
            Kind::Text => Builder::Text(StringBuilder::with_capacity(rows, rows * 16)),
            Kind::Date => Builder::Date(Date32Builder::with_capacity(rows)),
        }
    }

    /// Appends the value at `i` of `row`. Returns the bytes of text it added.
    fn push(&mut self, row: &Row<'_>, i: usize) -> rusqlite::Result<usize> {
        match self {
            Builder::Bool(b) => b.append_option(row.get::<_, Option<bool>>(i)?),
            Builder::Int32(b) => b.append_option(row.get::<_, Option<i32>>(i)?),
            Builder::Int64(b) => b.append_option(row.get::<_, Option<i64>>(i)?),
            Builder::Float64(b) => b.append_option(row.get::<_, Option<f64>>(i)?),
            Builder::Date(b) => b.append_option(row.get::<_, Option<i32>>(i)?),
            Builder::Text(b) => {
                let value = row.get_ref(i)?;
                let text = value.as_str_or_null().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e))
                })?;
                b.append_option(text);
                return Ok(text.map_or(0, str::len));
            }
        }
        Ok(0)
    }

    /// The values so far, leaving the builder empty.
    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Int32(b) => Arc::new(b.finish()),
            Builder::Int64(b) => Arc::new(b.finish()),
            Builder::Float64(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
        }
    }
}

/// Rows on their way to a record batch.
pub(super) struct Batch {
    schema: SchemaRef,
    builders: Vec<Builder>,
    rows: usize,
    text_bytes: usize,
}

impl Batch {
    /// An empty batch of `columns`, with room for `rows` rows.
    pub(super) fn new(schema: SchemaRef, columns: &[Column], rows: usize) -> Batch {
        Batch {
            schema,
            builders: columns.iter().map(|c| Builder::new(c.kind, rows)).collect(),
            rows: 0,
            text_bytes: 0,
        }
    }

    /// Appends a row whose columns start at `first` in `row`.
    pub(super) fn push(&mut self, row: &Row<'_>, first: usize) -> Result<(), Error> {
        for (i, builder) in self.builders.iter_mut().enumerate() {
            self.text_bytes += builder.push(row, first + i)?;
        }
        self.rows += 1;
        Ok(())
    }

    /// Rows waiting.
    pub(super) fn len(&self) -> usize {
        self.rows
    }

    /// Bytes of text waiting (documents' texts make a batch large long before it is long).
    pub(super) fn text_bytes(&self) -> usize {
        self.text_bytes
    }

    /// The rows so far as a record batch, leaving this batch empty. Fails if a column that
    /// may not be null has a null.
    pub(super) fn take(&mut self) -> Result<RecordBatch, Error> {
        let arrays = self.builders.iter_mut().map(Builder::finish).collect();
        self.rows = 0;
        self.text_bytes = 0;
        Ok(RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(parquet::errors::ParquetError::from)?)
    }
}
