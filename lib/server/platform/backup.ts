import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import pg from "pg";

// A logical backup over the PostgreSQL wire protocol, so the same code serves the
// embedded PGlite server (no pg_dump there) and a real server. One JSON document
// per line: a header, then chunks of rows per table in foreign-key order. Rows go
// through to_jsonb / jsonb_populate_recordset, which round-trips every column type
// we use (arrays of enums, bytea, jsonb, timestamptz).

const FORMAT = "lectern-backup";
const CHUNK = 1000;

type Header = { format: typeof FORMAT; version: 1; createdAt: string; migrations: string[]; tables: string[] };

async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT tc.table_name AS child, ccu.table_name AS parent
     FROM information_schema.table_constraints tc
     JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return; // self-references (Extension.revokesId) are fine in one chunk order
    visiting.add(table);
    for (const e of edges) if (e.child === table && e.parent !== table) visit(e.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

function orderColumn(table: string): string {
  // Rows that reference rows of their own table (a revoke names its grant) must come after them.
  return table === "Extension" ? `"createdAt", "id"` : "1";
}

export async function backupDatabase({
  url,
  file,
}: {
  url: string;
  file: string;
}): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = createWriteStream(file);
  const write = async (doc: unknown) => {
    if (!out.write(`${JSON.stringify(doc)}\n`)) await once(out, "drain");
  };
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); // one consistent snapshot
    const tables = await tablesInDependencyOrder(client);
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.migration_name);
    const header: Header = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables };
    await write(header);
    for (const table of tables) {
      for (let offset = 0; ; offset += CHUNK) {
        const chunk = (
          await client.query<{ row: unknown }>(
            `SELECT to_jsonb(t) AS row FROM "${table}" t ORDER BY ${orderColumn(table)} LIMIT ${CHUNK} OFFSET ${offset}`,
          )
        ).rows.map((r) => r.row);
        if (chunk.length === 0) break;
        rows += chunk.length;
        await write({ table, rows: chunk });
        if (chunk.length < CHUNK) break;
      }
    }
    await client.query("COMMIT");
  } finally {
    out.end();
    await once(out, "finish");
    await client.end();
  }
  return { tables: await countTables(url), rows };
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await tablesInDependencyOrder(client)).length;
  } finally {
    await client.end();
  }
}

// Our own splitter: readline's iterator can drop lines emitted while the loop body awaits.
async function* readLines(file: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
    rest += chunk as string;
    let newline: number;
    while ((newline = rest.indexOf("\n")) >= 0) {
      yield rest.slice(0, newline);
      rest = rest.slice(newline + 1);
    }
  }
  if (rest) yield rest;
}

/** Loads a backup into a migrated, empty database, in one transaction: all or nothing. */
export async function restoreDatabase({ url, file }: { url: string; file: string }): Promise<{ rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = readLines(file);
  let rows = 0;
  let header: Header | null = null;
  try {
    await client.query("BEGIN");
    for await (const line of lines) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as Header | { table: string; rows: unknown[] };
      if (!header) {
        if ((doc as Header).format !== FORMAT) throw new Error("Not a Lectern backup file");
        header = doc as Header;
        const applied = (
          await client.query<{ migration_name: string }>(
            `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
          )
        ).rows.map((r) => r.migration_name);
        const missing = header.migrations.filter((m) => !applied.includes(m));
        if (missing.length) throw new Error(`Run migrations first; the target lacks ${missing.join(", ")}`);
        const {
          rows: [nonEmpty],
        } = await client.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Course") AS n`,
        );
        if (Number(nonEmpty?.n) > 0)
          throw new Error("The target database is not empty; restore only into an empty database");
        continue;
      }
      const { table, rows: chunk } = doc as { table: string; rows: unknown[] };
      if (!header.tables.includes(table)) throw new Error(`Unknown table in backup: ${table}`);
      await client.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`, [
        JSON.stringify(chunk),
      ]);
      rows += chunk.length;
    }
    if (!header) throw new Error("The backup file is empty");
    // Identity columns continue after the restored ids.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), COALESCE((SELECT max(id) FROM "AuditEvent"), 0) + 1, false)`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { rows };
}
