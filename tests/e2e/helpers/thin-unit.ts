import { randomUUID } from 'node:crypto';

import Database from 'better-sqlite3';

import type { TestServer } from './server';

/**
 * A new division with one desk and exactly two SIPAS respondents (44 answers): a unit that must be
 * suppressed everywhere. The unit is added straight to the database, as an administrator would
 * add it; the two answers arrive through POST /api/responses like any citizen's.
 */
export async function addThinUnit(server: TestServer): Promise<{ code: string; name: string }> {
  const db = new Database(server.dbPath);
  const name = 'Phòng Thử nghiệm mới';
  try {
    const root = db.prepare('SELECT id FROM units WHERE parent_id IS NULL').get() as { id: number };
    const unit = db.prepare("INSERT INTO units (code, name, parent_id) VALUES ('SXD-MOI', ?, ?)").run(name, root.id);
    db.prepare(
      "INSERT INTO service_points (code, name, unit_id, phone_survey) VALUES ('MOI-01', 'Quầy thử nghiệm', ?, 'sipas')",
    ).run(unit.lastInsertRowid);
  } finally {
    db.close();
  }
  const criteria = (
    server
      .query<{ definition: string }>(
        "SELECT v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id AND v.version = s.published_version WHERE s.slug = 'sipas'",
      )[0]!
      .definition.match(/"name":"(q_[a-z_]+)"/g) ?? []
  ).map((m) => m.slice(8, -1));
  for (let i = 0; i < 2; i++) {
    const answers = { ...Object.fromEntries(criteria.map((q) => [q, 5])), overall: 5 };
    const res = await fetch(`${server.url}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), survey: 'sipas', point: 'MOI-01', channel: 'qr', answers }),
    });
    if (res.status !== 201) throw new Error(`thin unit response: ${res.status} ${await res.text()}`);
  }
  return { code: 'SXD-MOI', name };
}
