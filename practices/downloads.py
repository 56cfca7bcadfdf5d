"""Open-data downloads of the case library (JSON Lines and CSV), following the visitor's filters.

The JSON Lines are the interchange format itself; contacts appear only where the person agreed to
be shown. Both stream, so a download of the whole library does not sit in memory; the CSV goes
through the project's one CSV writer, which keeps cells from running as spreadsheet formulas.
"""

import json

from django.http import StreamingHttpResponse

from depository.csv_export import csv_lines
from home.site_url import page_url

from .interchange import EXPORT_CHUNK_SIZE, FIELDS, TEXTS, export_record, with_export_relations

FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv"}
# The format's fields that fit in one cell, and the case's address.
CSV_COLUMNS = (*(name for name in FIELDS if name not in (*TEXTS, "indicators", "links", "video_url", "contact")), "url")


def public_records(pages, request):
    for page in with_export_relations(pages).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        record = export_record(page)
        if not page.contact_public:
            record.pop("contact", None)
        record["url"] = page_url(page, request)
        yield record


def csv_rows(records):
    for record in records:
        row = dict(record)
        row["categories"] = ";".join(record["categories"])
        row["tags"] = ";".join(record.get("tags", []))
        row["adopted_by"] = ";".join(item["community"] for item in record.get("adopted_by", []))
        yield [row.get(column, "") for column in CSV_COLUMNS]


def download_response(pages, request, file_format, filename):
    records = public_records(pages, request)
    if file_format == "csv":
        lines = csv_lines(CSV_COLUMNS, csv_rows(records))
    else:
        lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    response = StreamingHttpResponse(lines, content_type=f"{FORMATS[file_format]}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
