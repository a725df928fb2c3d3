#!/usr/bin/env bash
# Set up, ingest the bundled sample minutes in data/raw and show what the warehouse holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/referater ingest data/raw
.venv/bin/referater info
.venv/bin/referater query "SELECT d.body, d.meeting_date, x.item_number, x.kind, x.text
                           FROM v_decisions x JOIN v_documents d USING (doc_id)
                           WHERE d.file_type = 'pdf'
                           ORDER BY d.meeting_date, x.item_number LIMIT 12"
