import { count, eq } from 'drizzle-orm';
import { z } from 'zod';

import { canonicalJson, sha256Hex } from '@/lib/ingest/canonical';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { localize } from '@/lib/survey/scoring';
import { loadBundledSurveys } from '@/surveys';

import type { Db } from './index';
import type { AuditActor } from './queries/audit';
import { importSurveyVersion, type ImportedVersion } from './queries/surveys';
import { pointProcedures, procedures, servicePoints, units } from './schema';
import seedJson from './seed-data/seed.json';

const seedSchema = z.object({
  units: z.array(
    z.object({ code: z.string(), name: z.string(), nameEn: z.string().optional(), parent: z.string().nullable() }),
  ),
  servicePoints: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      unit: z.string(),
      location: z.string().optional(),
      procedures: z.array(z.string()).default([]),
    }),
  ),
  procedures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      field: z.string().optional(),
      level: z.union([z.string(), z.number()]).optional(),
    }),
  ),
});

/**
 * Loads units, desks and procedures from db/seed-data/seed.json. Idempotent: rows that exist
 * (by code) are left as an administrator may have edited them.
 */
export function seedReferenceData(db: Db): { units: number; points: number; procedures: number } {
  const data = seedSchema.parse(seedJson);
  return db.transaction((tx) => {
    const unitIds = new Map<string, number>();
    for (const u of data.units) {
      const parentId = u.parent ? unitIds.get(u.parent) : null;
      if (parentId === undefined) throw new Error(`seed.json: unit ${u.code} names unknown parent ${u.parent}`);
      tx.insert(units).values({ code: u.code, name: u.name, nameEn: u.nameEn, parentId }).onConflictDoNothing().run();
      unitIds.set(u.code, tx.select({ id: units.id }).from(units).where(eq(units.code, u.code)).get()!.id);
    }

    const procedureIds = new Map<string, number>();
    for (const p of data.procedures) {
      tx.insert(procedures)
        .values({ code: p.code, name: p.name, sector: p.field ?? null, level: p.level === undefined ? null : String(p.level) })
        .onConflictDoNothing()
        .run();
      procedureIds.set(p.code, tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, p.code)).get()!.id);
    }

    for (const sp of data.servicePoints) {
      const unitId = unitIds.get(sp.unit);
      if (unitId === undefined) throw new Error(`seed.json: desk ${sp.code} names unknown unit ${sp.unit}`);
      tx.insert(servicePoints)
        .values({ code: sp.code, name: sp.name, nameEn: sp.nameEn, unitId, location: sp.location })
        .onConflictDoNothing()
        .run();
      const pointId = tx.select({ id: servicePoints.id }).from(servicePoints).where(eq(servicePoints.code, sp.code)).get()!.id;
      for (const code of sp.procedures) {
        const procedureId = procedureIds.get(code);
        if (procedureId === undefined) throw new Error(`seed.json: desk ${sp.code} names unknown procedure ${code}`);
        tx.insert(pointProcedures).values({ pointId, procedureId }).onConflictDoNothing().run();
      }
    }
    return { units: data.units.length, points: data.servicePoints.length, procedures: data.procedures.length };
  });
}

/** Validates a SurveyJS definition and stores it as a new immutable version (see importSurveyVersion). */
export function importSurvey(
  db: Db,
  { slug, json, source, publish = true }: { slug: string; json: unknown; source: string; publish?: boolean },
  actor?: AuditActor,
): ImportedVersion {
  const definition = parseSurveyDefinition(json, source);
  const text = canonicalJson(json);
  return importSurveyVersion(db, {
    slug,
    title: localize(definition.title ?? slug, 'vi'),
    definition: text,
    checksum: sha256Hex(text),
    publish,
  }, actor);
}

/** The bundled questionnaires (surveys/*.json); a changed file becomes a new published version. */
export function seedSurveys(db: Db): ImportedVersion[] {
  return loadBundledSurveys().map(({ slug, definition }) =>
    importSurvey(db, { slug, json: definition, source: `surveys/${slug}.json` }),
  );
}

export function isEmpty(db: Db): boolean {
  return db.select({ n: count() }).from(units).get()!.n === 0;
}

/** What a first start does: reference data and surveys, only into an empty database. */
export function seedIfEmpty(db: Db): boolean {
  if (!isEmpty(db)) return false;
  seedReferenceData(db);
  seedSurveys(db);
  return true;
}
