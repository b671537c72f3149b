import GRDB

/// Named, append-only schema migrations. Never edit a released migration: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            // The hash-chained audit log. `seq` is dense from 1; `hash` covers every other column and `prev_hash`.
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity_type TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL UNIQUE
                );
                CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id, seq);
                CREATE TABLE audit_checkpoint (
                    seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
                    hash TEXT NOT NULL,
                    at TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    signature TEXT NOT NULL
                );
                CREATE TABLE account (
                    id TEXT PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    certificate_number TEXT,
                    password_hash TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX session_account ON session(account_id);
                CREATE TABLE subject (
                    key TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    label TEXT NOT NULL,
                    data TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    registered_by TEXT NOT NULL,
                    registered_at TEXT NOT NULL
                );
                CREATE INDEX subject_kind ON subject(kind, label);
                CREATE TABLE enforcement_case (
                    id TEXT PRIMARY KEY,
                    jurisdiction TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    violation_kind TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    decision_number TEXT UNIQUE,
                    data TEXT NOT NULL
                );
                CREATE INDEX enforcement_case_list ON enforcement_case(jurisdiction, stage, updated_at);
                CREATE INDEX enforcement_case_subject ON enforcement_case(subject, violation_kind);
                -- Decided penalties known to this node: its own decisions and its partners' (处罚互认), for 一事不再罚.
                CREATE TABLE penalty_record (
                    decision_number TEXT PRIMARY KEY,
                    subject TEXT NOT NULL,
                    violation_kind TEXT NOT NULL,
                    act_at TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    source TEXT NOT NULL,
                    first_violation_waiver INTEGER NOT NULL DEFAULT 0,
                    amount_fen INTEGER,
                    case_id TEXT REFERENCES enforcement_case(id),
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX penalty_record_subject ON penalty_record(subject, violation_kind, act_at);
                -- Per-agency, per-year, per-series document number counters (立案登记号, 决定书文号).
                CREATE TABLE document_counter (
                    jurisdiction TEXT NOT NULL,
                    series TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    next INTEGER NOT NULL,
                    PRIMARY KEY (jurisdiction, series, year)
                );
                CREATE TABLE rule_table (
                    name TEXT PRIMARY KEY,
                    content TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2-non-site") { db in
            try db.execute(sql: """
                CREATE TABLE weigh_station (
                    id TEXT PRIMARY KEY,
                    jurisdiction TEXT NOT NULL,
                    data TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                -- Weigh-in-motion records, idempotent on (station, record_id). The judgement columns are what the
                -- statistics and the review queue query; `data` is the record as received, `judgement` the full verdict.
                CREATE TABLE weigh_record (
                    station TEXT NOT NULL REFERENCES weigh_station(id),
                    record_id TEXT NOT NULL,
                    time TEXT NOT NULL,
                    day TEXT NOT NULL,
                    lane INTEGER NOT NULL,
                    plate TEXT,
                    subject TEXT,
                    axle_count INTEGER NOT NULL,
                    gross_kg INTEGER NOT NULL,
                    limit_kg INTEGER,
                    over_kg INTEGER,
                    over_pct REAL,
                    class TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    evidence INTEGER NOT NULL,
                    screening_reasons TEXT NOT NULL,
                    review TEXT NOT NULL,
                    case_id TEXT REFERENCES enforcement_case(id),
                    data TEXT NOT NULL,
                    judgement TEXT NOT NULL,
                    ingested_at TEXT NOT NULL,
                    PRIMARY KEY (station, record_id)
                ) WITHOUT ROWID;
                CREATE INDEX weigh_record_day ON weigh_record(station, day);
                CREATE INDEX weigh_record_subject ON weigh_record(subject, time);
                CREATE INDEX weigh_record_review ON weigh_record(review) WHERE review != 'none';
                """)
        }
        migrator.registerMigration("v3-partner-requests") { db in
            // Requests to partner agencies (送达互助, 抄告车籍地 …), queued here until federation delivers them.
            try db.execute(sql: """
                CREATE TABLE partner_request (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES enforcement_case(id),
                    from_jurisdiction TEXT NOT NULL,
                    to_jurisdiction TEXT NOT NULL,
                    to_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    due_at TEXT,
                    payload TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (case_id, kind)
                );
                CREATE INDEX partner_request_status ON partner_request(status, to_jurisdiction);
                """)
        }
        migrator.registerMigration("v4-vehicle-terminals") { db in
            try db.execute(sql: """
                CREATE TABLE terminal (
                    phone TEXT PRIMARY KEY,
                    subject TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    carrier TEXT,
                    authentication_code TEXT NOT NULL,
                    protocol_version TEXT,
                    jurisdiction TEXT NOT NULL,
                    registered_at TEXT NOT NULL,
                    last_seen_at TEXT
                );
                CREATE INDEX terminal_subject ON terminal(subject);
                -- Positions as reported; the 0x8001 answer is sent only after the row is committed.
                CREATE TABLE vehicle_position (
                    subject TEXT NOT NULL,
                    terminal TEXT NOT NULL,
                    time TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    speed_kmh REAL NOT NULL,
                    heading INTEGER NOT NULL,
                    altitude INTEGER NOT NULL,
                    alarm_bits INTEGER NOT NULL,
                    status_bits INTEGER NOT NULL,
                    received_at TEXT NOT NULL
                );
                CREATE INDEX vehicle_position_track ON vehicle_position(subject, time);
                CREATE TABLE vehicle_latest (
                    subject TEXT PRIMARY KEY,
                    terminal TEXT NOT NULL,
                    time TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    speed_kmh REAL NOT NULL,
                    heading INTEGER NOT NULL,
                    alarm_bits INTEGER NOT NULL,
                    status_bits INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v5-weigh-record-rowid-and-lean-passes") { db in
            // A plain compliant pass keeps its record and the judged numbers in columns; the full verdict (adjustments
            // with their articles, tolerance, sensor checks) is kept for every pass that is not plainly compliant.
            // That verdict was most of the cost of storing a pass (see README, "Benchmarks"). The table becomes a rowid
            // table: a pass is about a kilobyte, and SQLite keeps WITHOUT ROWID tables for small rows (inserts of rows
            // this size ran 2.2× faster into a rowid table with the same unique key, measured with sqlite3).
            try db.execute(sql: """
                CREATE TABLE weigh_record_v5 (
                    station TEXT NOT NULL REFERENCES weigh_station(id),
                    record_id TEXT NOT NULL,
                    time TEXT NOT NULL,
                    day TEXT NOT NULL,
                    lane INTEGER NOT NULL,
                    plate TEXT,
                    subject TEXT,
                    axle_count INTEGER NOT NULL,
                    gross_kg INTEGER NOT NULL,
                    limit_kg INTEGER,
                    over_kg INTEGER,
                    over_pct REAL,
                    class TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    evidence INTEGER NOT NULL,
                    screening_reasons TEXT NOT NULL,
                    review TEXT NOT NULL,
                    case_id TEXT REFERENCES enforcement_case(id),
                    data TEXT NOT NULL,
                    judgement TEXT,
                    ingested_at TEXT NOT NULL,
                    PRIMARY KEY (station, record_id)
                );
                INSERT INTO weigh_record_v5 SELECT * FROM weigh_record;
                DROP TABLE weigh_record;
                ALTER TABLE weigh_record_v5 RENAME TO weigh_record;
                CREATE INDEX weigh_record_day ON weigh_record(station, day);
                CREATE INDEX weigh_record_subject ON weigh_record(subject, time);
                CREATE INDEX weigh_record_review ON weigh_record(review) WHERE review != 'none';
                CREATE INDEX weigh_record_case ON weigh_record(case_id) WHERE case_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("v6-penalty-driver-carrier") { db in
            // 一超四罚 counts per driver and per carrier as well as per vehicle (公路安全保护条例 Art. 66).
            try db.execute(sql: """
                ALTER TABLE penalty_record ADD COLUMN driver TEXT;
                ALTER TABLE penalty_record ADD COLUMN carrier TEXT;
                CREATE INDEX penalty_record_driver ON penalty_record(driver) WHERE driver IS NOT NULL;
                CREATE INDEX penalty_record_carrier ON penalty_record(carrier) WHERE carrier IS NOT NULL;
                """)
        }
        migrator.registerMigration("v7-vessels") { db in
            // AIS: the vessels heard (static data merged from types 5, 19 and 24) and their positions.
            try db.execute(sql: """
                CREATE TABLE vessel (
                    mmsi INTEGER PRIMARY KEY,
                    name TEXT,
                    call_sign TEXT,
                    imo INTEGER,
                    ship_type INTEGER,
                    to_bow INTEGER,
                    to_stern INTEGER,
                    to_port INTEGER,
                    to_starboard INTEGER,
                    draught_m REAL,
                    destination TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE vessel_position (
                    mmsi INTEGER NOT NULL,
                    time TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    sog_knots REAL,
                    cog_degrees REAL,
                    heading INTEGER,
                    nav_status INTEGER,
                    message_type INTEGER NOT NULL,
                    feed TEXT NOT NULL
                );
                CREATE INDEX vessel_position_track ON vessel_position(mmsi, time);
                CREATE TABLE vessel_latest (
                    mmsi INTEGER PRIMARY KEY,
                    time TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    sog_knots REAL,
                    cog_degrees REAL,
                    heading INTEGER,
                    nav_status INTEGER
                );
                """)
        }
        migrator.registerMigration("v8-alerts-waybills-routes") { db in
            // Alerts: what the detectors found (vehicle monitoring, waterway), each with its evidence, until a person
            // opens a case from it or dismisses it. Waybills and approved routes: what the vehicle rules check against.
            try db.execute(sql: """
                CREATE TABLE alert (
                    id TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    kind_name TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    jurisdiction TEXT,
                    notify TEXT,
                    occurred_at TEXT NOT NULL,
                    detected_at TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    summary TEXT NOT NULL,
                    data TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_note TEXT,
                    case_id TEXT REFERENCES enforcement_case(id),
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX alert_recent ON alert(detected_at);
                CREATE INDEX alert_status ON alert(status, detected_at);
                CREATE TABLE waybill (
                    id TEXT PRIMARY KEY,
                    vehicle TEXT NOT NULL,
                    valid_from TEXT NOT NULL,
                    valid_to TEXT NOT NULL,
                    data TEXT NOT NULL,
                    filed_by TEXT NOT NULL,
                    filed_at TEXT NOT NULL
                );
                CREATE INDEX waybill_vehicle ON waybill(vehicle, valid_to);
                CREATE TABLE approved_route (
                    id TEXT PRIMARY KEY,
                    data TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    filed_by TEXT NOT NULL,
                    filed_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9-waterway-passages-fingerprints-orders") { db in
            // Checkpoint passages as the checkpoint systems sent them, with the identification once judged; the
            // fingerprint library grown from confident identifications; stop-for-inspection orders given from alerts.
            try db.execute(sql: """
                CREATE TABLE waterway_passage (
                    checkpoint TEXT NOT NULL,
                    id TEXT NOT NULL,
                    time TEXT NOT NULL,
                    day TEXT NOT NULL,
                    data TEXT NOT NULL,
                    photos TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    judged_at TEXT,
                    identified INTEGER,
                    vessel TEXT,
                    mmsi INTEGER,
                    confidence REAL,
                    method TEXT,
                    identification TEXT,
                    PRIMARY KEY (checkpoint, id)
                );
                CREATE INDEX waterway_passage_time ON waterway_passage(time);
                CREATE INDEX waterway_passage_day ON waterway_passage(day, checkpoint);
                CREATE INDEX waterway_passage_unjudged ON waterway_passage(time) WHERE judged_at IS NULL;
                CREATE TABLE vessel_fingerprint (
                    vessel TEXT PRIMARY KEY,
                    data TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE inspection_order (
                    id TEXT PRIMARY KEY,
                    alert_id TEXT NOT NULL REFERENCES alert(id),
                    data TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX inspection_order_alert ON inspection_order(alert_id, recorded_at);
                """)
        }
        migrator.registerMigration("v10-federation-peers-outbox-inbox") { db in
            // Federation: partner nodes and their agreements; the transactional outbox (written in the same transaction
            // as the change that causes a message); the inbox (one row per message id: the dedupe that makes each
            // effect happen once); requests partners sent us (送达互助, 抄告车籍地) and the proofs of service.
            try db.execute(sql: """
                CREATE TABLE federation_peer (
                    name TEXT PRIMARY KEY,
                    url TEXT NOT NULL,
                    public_key TEXT NOT NULL UNIQUE,
                    jurisdictions TEXT NOT NULL,
                    kinds TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE federation_outbox (
                    message_id TEXT PRIMARY KEY,
                    peer TEXT NOT NULL REFERENCES federation_peer(name),
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('queued', 'delivered', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at TEXT NOT NULL,
                    last_error TEXT,
                    delivered_at TEXT,
                    related_type TEXT,
                    related_id TEXT
                );
                CREATE INDEX federation_outbox_due ON federation_outbox(status, next_attempt_at) WHERE status = 'queued';
                CREATE INDEX federation_outbox_related ON federation_outbox(related_type, related_id);
                CREATE TABLE federation_inbox (
                    message_id TEXT PRIMARY KEY,
                    peer TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    body_sha256 TEXT NOT NULL,
                    sent_at TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    deliveries INTEGER NOT NULL DEFAULT 1,
                    body TEXT NOT NULL
                );
                CREATE TABLE federation_request_received (
                    id TEXT PRIMARY KEY,
                    peer TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    remote_request_id TEXT NOT NULL,
                    remote_case_id TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    body TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    status TEXT NOT NULL,
                    proof TEXT,
                    UNIQUE (peer, remote_request_id)
                );
                ALTER TABLE partner_request ADD COLUMN proof TEXT;
                """)
        }
        migrator.registerMigration("v10-federation-referrals") { db in
            // 移交违法线索: referrals in both directions with the same id on both nodes, their shared timeline, and the
            // evidence files they carry (content-addressed by SHA-256). The acceptance deadline is a term of the agreement.
            try db.execute(sql: """
                ALTER TABLE federation_peer ADD COLUMN referral_accept_days INTEGER NOT NULL DEFAULT 3;
                CREATE TABLE referral (
                    id TEXT PRIMARY KEY,
                    direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
                    peer TEXT NOT NULL,
                    case_id TEXT,
                    subject TEXT NOT NULL,
                    violation_kind TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    place TEXT,
                    occurred_at TEXT,
                    referred_at TEXT NOT NULL,
                    accept_by TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT,
                    result TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX referral_status ON referral(status, accept_by);
                CREATE TABLE referral_event (
                    referral_id TEXT NOT NULL REFERENCES referral(id),
                    at TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    note TEXT,
                    PRIMARY KEY (referral_id, kind)
                );
                CREATE TABLE evidence_file (
                    sha256 TEXT PRIMARY KEY,
                    media_type TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    content BLOB NOT NULL
                );
                CREATE TABLE referral_evidence (
                    referral_id TEXT NOT NULL REFERENCES referral(id),
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL REFERENCES evidence_file(sha256),
                    PRIMARY KEY (referral_id, name)
                );
                """)
        }
        migrator.registerMigration("v12-command-dispatch") { db in
            // The command centre: enforcement units with their duty shifts, dispatch orders (派单) with their
            // history in `data`, and the evidence officers attach on site (photos and notes, hashed).
            try db.execute(sql: """
                CREATE TABLE unit (
                    id TEXT PRIMARY KEY,
                    jurisdiction TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    data TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE duty_shift (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_id TEXT NOT NULL REFERENCES unit(id),
                    post TEXT NOT NULL,
                    starts_at TEXT NOT NULL,
                    ends_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX duty_shift_time ON duty_shift(ends_at, starts_at);
                CREATE TABLE dispatch_order (
                    id TEXT PRIMARY KEY,
                    jurisdiction TEXT NOT NULL,
                    partner_jurisdiction TEXT,
                    unit_id TEXT NOT NULL REFERENCES unit(id),
                    alert_id TEXT REFERENCES alert(id),
                    case_id TEXT REFERENCES enforcement_case(id),
                    state TEXT NOT NULL,
                    data TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX dispatch_order_updated ON dispatch_order(updated_at);
                CREATE INDEX dispatch_order_unit ON dispatch_order(unit_id, state);
                CREATE TABLE dispatch_evidence (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id TEXT NOT NULL REFERENCES dispatch_order(id),
                    kind TEXT NOT NULL,
                    name TEXT,
                    media_type TEXT,
                    sha256 TEXT NOT NULL,
                    content BLOB,
                    note TEXT,
                    added_by TEXT NOT NULL,
                    added_at TEXT NOT NULL
                );
                CREATE INDEX dispatch_evidence_order ON dispatch_evidence(order_id);
                """)
        }
        migrator.registerMigration("v20-watchlist-entries-and-sightings") { db in
            // Shared watchlists (布控): entries flagged here (peer NULL) or received from a partner, and the sightings of
            // them by this node's sensors (peer NULL) or reported by a partner's.
            try db.execute(sql: """
                CREATE TABLE watchlist_entry (
                    id TEXT PRIMARY KEY,
                    peer TEXT,
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('vehicle', 'ship')),
                    plate TEXT,
                    plate_colour TEXT,
                    mmsi TEXT,
                    ship_name TEXT,
                    reason TEXT NOT NULL,
                    violation_kind TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    jurisdiction TEXT NOT NULL,
                    flagged_by TEXT,
                    flagged_at TEXT NOT NULL,
                    valid_until TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
                    withdrawn_at TEXT,
                    withdraw_reason TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX watchlist_entry_status ON watchlist_entry(status, valid_until);
                CREATE TABLE watchlist_sighting (
                    id TEXT PRIMARY KEY,
                    entry_id TEXT NOT NULL REFERENCES watchlist_entry(id),
                    peer TEXT,
                    sensor_kind TEXT NOT NULL,
                    sensor TEXT NOT NULL,
                    jurisdiction TEXT,
                    place TEXT,
                    lon REAL,
                    lat REAL,
                    seen_at TEXT NOT NULL,
                    observed TEXT,
                    alert_id TEXT,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX watchlist_sighting_entry ON watchlist_sighting(entry_id, seen_at);
                """)
        }
        migrator.registerMigration("v21-joint-operations-meetings") { db in
            // 联合执法行动 and 重大案件联席会议, on every node that takes part. A joint operation is the lead's plan (the
            // highest revision seen) and one contribution per agency; a contribution has no foreign key because a
            // partner's report may arrive before the lead's plan. A meeting is attached to a local case when the
            // case is this node's (convened here, or linked by the referral it came with), else kept by referral id
            // and the convener's case reference.
            try db.execute(sql: """
                CREATE TABLE joint_operation (
                    id TEXT PRIMARY KEY,
                    lead TEXT NOT NULL,
                    origin_peer TEXT,
                    revision INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    starts_at TEXT NOT NULL,
                    plan TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX joint_operation_starts ON joint_operation(starts_at);
                CREATE TABLE joint_operation_contribution (
                    operation_id TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    reported_at TEXT NOT NULL,
                    data TEXT NOT NULL,
                    PRIMARY KEY (operation_id, agency)
                );
                CREATE TABLE joint_meeting (
                    id TEXT PRIMARY KEY,
                    convener TEXT NOT NULL,
                    origin_peer TEXT,
                    case_id TEXT,
                    referral_id TEXT,
                    held_on TEXT NOT NULL,
                    data TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX joint_meeting_case ON joint_meeting(case_id);
                CREATE INDEX joint_meeting_referral ON joint_meeting(referral_id);
                """)
        }
        return migrator
    }
}
