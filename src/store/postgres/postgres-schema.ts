/**
 * The PostgreSQL tables as Kysely sees them, so every query the stores build is checked against
 * the columns the migrations create (`postgres-migrations.ts`). Times are ISO-8601 text, as in the
 * SQLite file, so both backends sort and compare them the same way; text keys use the "C"
 * collation (byte order) for the same reason.
 */
import type { Generated } from 'kysely';
import type { JobRow } from '../job-row.js';

export interface PostgresSchema {
  list_versions: {
    id: Generated<number>;
    list: string;
    format: string;
    imported_at: string;
    published_at: string | null;
    files: string;
    entity_count: number;
    base_version_id: number | null;
    content_hash: string;
  };
  list_entities: {
    version_id: number;
    seq: number;
    entity_id: string;
    schema: string;
    name: string;
    body: string;
  };
  reviewed_false_positives: {
    query_key: string;
    query_name: string;
    list: string;
    entity_id: string;
    entity_hash: string;
    analyst: string;
    reason: string;
    reviewed_at: string;
    recorded_seq: Generated<string>;
  };
  alerts: {
    id: string;
    kind: string;
    subject: string;
    rule_name: string;
    rule_version: string;
    score: number;
    severity: string | null;
    created_at: string;
    json: string;
    status: Generated<string>;
    assignee: string | null;
    case_id: string | null;
    disposition: string | null;
    updated_at: string | null;
  };
  alert_list_versions: {
    list: string;
    version: string;
    alert_id: string;
    created_at: string;
    score: number;
  };
  goods_catalog_versions: {
    id: Generated<number>;
    label: string;
    name: string;
    imported_at: string;
    source: string;
    content_hash: string;
    chemicals: number;
    dual_use: number;
    json: string;
  };
  customer_versions: {
    id: Generated<number>;
    imported_at: string;
    path: string;
    sha256: string;
    bytes: number;
    customer_count: number;
  };
  customers: {
    version_id: number;
    number: number;
    id: string;
    name: string;
    schema: string | null;
    birth_date: string | null;
    country: string | null;
    nationality: string | null;
    gender: string | null;
    id_number: string | null;
  };
  monitor_state: { singleton: number; state: string };
  list_download_validators: {
    url: string;
    etag: string | null;
    last_modified: string | null;
    fetched_at: string;
  };
  users: {
    name: string;
    role: string;
    password_hash: string | null;
    disabled: boolean;
    must_change_password: boolean;
    created_at: string;
    created_by: string;
  };
  api_tokens: {
    id: string;
    user_name: string;
    scopes: string;
    label: string | null;
    hash: string;
    created_at: string;
    created_by: string;
    expires_at: string | null;
    revoked_at: string | null;
    last_used_at: string | null;
  };
  sessions: {
    id_hash: string;
    user_name: string;
    csrf_token: string;
    created_at: string;
    last_seen_at: string;
  };
  login_failures: {
    key: string;
    failures: number;
    first_failure_at: number;
    locked_until: number;
  };
  audit_log: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    target: string;
    before_json: string;
    after_json: string;
    prev_hash: string;
    hash: string;
  };
  audit_checkpoints: {
    seq: Generated<string>;
    count: number;
    head_hash: string;
    at: string;
    key_id: string;
    signature: string;
  };
  audit_signing_keys: {
    key_id: string;
    public_key_pem: string;
    private_key_pem: string;
    created_at: string;
  };
  cases: {
    id: string;
    status: string;
    assignee: string | null;
    awaiting_approval: boolean;
    created_at: string;
    version: number;
    json: string;
  };
  case_comments: { seq: Generated<string>; id: string; case_id: string; at: string; json: string };
  case_evidence: {
    seq: Generated<string>;
    id: string;
    case_id: string;
    added_at: string;
    json: string;
    content: Buffer;
  };
  jobs: JobRow;
  job_chunks: {
    job_id: string;
    chunk: number;
    state: string;
    deliveries: Generated<number>;
    rows: Generated<number>;
    counts: string | null;
    reason: string | null;
    updated_at: string | null;
  };
  job_results: { job_id: string; row: number; value: string };
}
