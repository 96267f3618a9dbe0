"""The tables and views of the event store and the migrations that create them.

Every table maps onto a record of `lagebild.schema`: `articles` onto Article, `events`
onto Event (actors flattened to `source_*` / `target_*` columns), `actors` onto Mention,
`quotes` onto Quote. `meta` holds the schema version; `runs` records every ingest run.
The column lists below are the single source of truth for the DDL and for the writer.
Documented for users in docs/store.md.
"""

from __future__ import annotations

#: the schema version this lagebild writes; a store with a higher version was made by a
#: newer lagebild and is refused rather than misread
SCHEMA_VERSION = 2

ACTOR_SIDES: tuple[str, ...] = ("source", "target")
ACTOR_PARTS: tuple[str, ...] = ("text", "name", "country", "org", "sector", "code")

#: (column, DuckDB type) of the events table, in table order
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),
    ("global_id", "BIGINT"),
    ("article_id", "VARCHAR NOT NULL"),
    ("language", "VARCHAR"),
    ("type", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    *((f"{side}_{part}", "VARCHAR") for side in ACTOR_SIDES for part in ACTOR_PARTS),
    ("date", "DATE"),
    ("day", "DATE"),
    ("negated", "BOOLEAN"),
    ("hypothetical", "BOOLEAN"),
    ("sentence", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("trigger", "VARCHAR"),
    ("char_start", "INTEGER"),
    ("char_end", "INTEGER"),
    ("confidence", "DOUBLE"),
    ("mode", "VARCHAR"),
    ("context", "VARCHAR"),
    ("location", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("quote", "VARCHAR"),
    ("size", "INTEGER"),
    ("dead", "INTEGER"),
    ("injured", "INTEGER"),
)
#: event columns added after schema 1, created by migration 2 on older stores
MAGNITUDE_COLUMNS: tuple[str, ...] = ("size", "dead", "injured")

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"),
    ("url", "VARCHAR"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("date", "DATE"),
    ("language", "VARCHAR"),
    ("content_hash", "VARCHAR NOT NULL"),
    ("text", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("lagebild_version", "VARCHAR NOT NULL"),
    ("coded_at", "TIMESTAMP"),
    ("run_id", "INTEGER"),
    ("n_events", "INTEGER"),
)

MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR NOT NULL"),
    ("char_start", "INTEGER"),
    ("char_end", "INTEGER"),
    ("text", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("entry", "VARCHAR"),
    ("role", "VARCHAR"),
    ("attributive", "BOOLEAN"),
    ("name", "VARCHAR"),
    ("country", "VARCHAR"),
    ("org", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("code", "VARCHAR"),
)

QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR NOT NULL"),
    ("char_start", "INTEGER"),
    ("char_end", "INTEGER"),
    ("text", "VARCHAR"),
    *((f"speaker_{part}", "VARCHAR") for part in ACTOR_PARTS),
)

RUN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("run_id", "INTEGER PRIMARY KEY"),
    ("started", "TIMESTAMP"),
    ("finished", "TIMESTAMP"),
    ("lagebild_version", "VARCHAR"),
    ("options", "VARCHAR"),
    ("inputs", "VARCHAR"),
    ("status", "VARCHAR"),
    ("articles_new", "INTEGER"),
    ("articles_skipped", "INTEGER"),
    ("articles_recoded", "INTEGER"),
    ("articles_failed", "INTEGER"),
    ("inputs_skipped", "INTEGER"),
    ("events_written", "INTEGER"),
    ("message", "VARCHAR"),
)

#: the tables a lagebild store must have, with their columns
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "actors": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "runs": RUN_COLUMNS,
}


def column_names(columns: tuple[tuple[str, str], ...]) -> list[str]:
    """The names of a column list, in table order."""
    return [name for name, _ in columns]


def create_table_sql(table: str) -> str:
    """The CREATE TABLE statement of one store table."""
    body = ",\n  ".join(f"{name} {sql_type}" for name, sql_type in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {body}\n)"


# The views every consumer (and `lagebild query --sql`) can rely on. `v_events` is what a
# consumer counting events uses: negated and hypothetical events are left out, and the
# actor keys (country, else organisation) are added for dyads.
VIEW_SQL: tuple[str, ...] = (
    """CREATE OR REPLACE VIEW v_events AS
    SELECT *, coalesce(source_country, source_org) AS source_key,
              coalesce(target_country, target_org) AS target_key
    FROM events WHERE NOT negated AND NOT hypothetical""",
    *(
        f"""CREATE OR REPLACE VIEW v_{name} AS
    SELECT {bucket} AS {period}, source_key, target_key, type, quad_class,
           count(*) AS events, sum(goldstein) AS goldstein_sum,
           avg(goldstein) AS goldstein_mean
    FROM v_events WHERE day IS NOT NULL
    GROUP BY ALL ORDER BY {period}, events DESC"""
        for name, period, bucket in (
            ("daily", "day", "day"),
            ("weekly", "week", "CAST(date_trunc('week', day) AS DATE)"),
            ("monthly", "month", "CAST(date_trunc('month', day) AS DATE)"),
        )
    ),
    """CREATE OR REPLACE VIEW v_top_actors AS
    WITH sides AS (
        SELECT source_key AS actor, 1 AS as_source, 0 AS as_target, quad_class, goldstein
        FROM v_events WHERE source_key IS NOT NULL
        UNION ALL
        SELECT target_key, 0, 1, quad_class, goldstein
        FROM v_events WHERE target_key IS NOT NULL)
    SELECT actor, count(*) AS events, sum(as_source) AS as_source,
           sum(as_target) AS as_target,
           count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
           count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
           avg(goldstein) AS goldstein_mean
    FROM sides GROUP BY actor ORDER BY events DESC, actor""",
    """CREATE OR REPLACE VIEW v_top_dyads AS
    SELECT source_key, target_key, count(*) AS events,
           count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
           count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
           sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
    FROM v_events WHERE source_key IS NOT NULL AND target_key IS NOT NULL
    GROUP BY source_key, target_key ORDER BY events DESC, source_key, target_key""",
)

VIEW_NAMES: tuple[str, ...] = (
    "v_events",
    "v_daily",
    "v_weekly",
    "v_monthly",
    "v_top_actors",
    "v_top_dyads",
)

#: migrations[n] brings a store from schema version n-1 to n; each runs in one transaction
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        *(create_table_sql(table) for table in TABLES),
        *VIEW_SQL,
    ),
    # PLOVER magnitudes on events; views are re-created so `SELECT *` sees the columns
    2: (
        *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {c} INTEGER" for c in MAGNITUDE_COLUMNS),
        *VIEW_SQL,
    ),
}
