import { count, eq } from 'drizzle-orm';
import { z } from 'zod';

import { canonicalJson, sha256Hex } from '@/lib/ingest/canonical';
import { parseSurveyDefinition } from '@/lib/survey/definition';
import { sanitizeSurveyHtml } from '@/lib/survey/html-sanitize';
import { localize } from '@/lib/survey/scoring';
import { loadBundledSurveys } from '@/surveys';

import { first, withTransaction, type Queryable } from '@/db/index';
import type { AuditActor } from '@/db/queries/audit';
import { importSurveyVersion, type ImportedVersion } from '@/db/queries/surveys';
import { pointProcedures, procedures, procedureVersions, servicePoints, units } from '@/db/schema';

import { illustrativeRecord } from './demo-procedures';
import seedJson from '@/db/seed-data/seed.json';

// The day of the decision that published the seed's procedure list (seed.json, _source).
const CATALOGUE_DECIDED = '2025-11-19';

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
export async function seedReferenceData(db: Queryable): Promise<{ units: number; points: number; procedures: number }> {
  const data = seedSchema.parse(seedJson);
  return withTransaction(db, async (tx) => {
    const unitIds = new Map<string, number>();
    for (const u of data.units) {
      const parentId = u.parent ? unitIds.get(u.parent) : null;
      if (parentId === undefined) throw new Error(`seed.json: unit ${u.code} names unknown parent ${u.parent}`);
      await tx.insert(units).values({ code: u.code, name: u.name, nameEn: u.nameEn, parentId }).onConflictDoNothing();
      unitIds.set(u.code, first(await tx.select({ id: units.id }).from(units).where(eq(units.code, u.code)))!.id);
    }

    const procedureIds = new Map<string, number>();
    for (const p of data.procedures) {
      const row = {
        code: p.code,
        name: p.name,
        sector: p.field ?? null,
        level: p.level === undefined ? null : String(p.level),
      };
      const inserted = await tx.insert(procedures).values(row).onConflictDoNothing().returning({ id: procedures.id });
      const id =
        inserted[0]?.id ??
        first(await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, p.code)))!.id;
      // A new procedure's first version: the real code and name with illustrative demo details.
      if (inserted[0]) {
        await tx.insert(procedureVersions).values({
          procedureId: id,
          version: 1,
          effectiveFrom: CATALOGUE_DECIDED,
          illustrative: true,
          record: JSON.stringify(illustrativeRecord(row)),
        });
      }
      procedureIds.set(p.code, id);
    }

    for (const sp of data.servicePoints) {
      const unitId = unitIds.get(sp.unit);
      if (unitId === undefined) throw new Error(`seed.json: desk ${sp.code} names unknown unit ${sp.unit}`);
      await tx
        .insert(servicePoints)
        .values({ code: sp.code, name: sp.name, nameEn: sp.nameEn, unitId, location: sp.location })
        .onConflictDoNothing();
      const pointId = first(
        await tx.select({ id: servicePoints.id }).from(servicePoints).where(eq(servicePoints.code, sp.code)),
      )!.id;
      for (const code of sp.procedures) {
        const procedureId = procedureIds.get(code);
        if (procedureId === undefined) throw new Error(`seed.json: desk ${sp.code} names unknown procedure ${code}`);
        await tx.insert(pointProcedures).values({ pointId, procedureId }).onConflictDoNothing();
      }
    }
    return { units: data.units.length, points: data.servicePoints.length, procedures: data.procedures.length };
  });
}

/** Validates a SurveyJS definition and stores it as a new immutable version (see importSurveyVersion). */
export async function importSurvey(
  db: Queryable,
  { slug, json, source, publish = true }: { slug: string; json: unknown; source: string; publish?: boolean },
  actor?: AuditActor,
): Promise<ImportedVersion> {
  // Every way in (upload, `npm run admin -- survey import`, the bundled files) stores the HTML
  // SurveyJS would render reduced to lib/survey/html-sanitize.ts's allow-list.
  const clean = sanitizeSurveyHtml(json);
  const definition = parseSurveyDefinition(clean, source);
  const text = canonicalJson(clean);
  return importSurveyVersion(
    db,
    {
      slug,
      title: localize(definition.title ?? slug, 'vi'),
      definition: text,
      checksum: sha256Hex(text),
      publish,
    },
    actor,
  );
}

/** The bundled questionnaires (surveys/*.json); a changed file becomes a new published version. */
export async function seedSurveys(db: Queryable): Promise<ImportedVersion[]> {
  const imported: ImportedVersion[] = [];
  for (const { slug, definition } of loadBundledSurveys()) {
    imported.push(await importSurvey(db, { slug, json: definition, source: `surveys/${slug}.json` }));
  }
  return imported;
}

export async function isEmpty(db: Queryable): Promise<boolean> {
  return first(await db.select({ n: count() }).from(units))!.n === 0;
}

/** What a first start does: reference data and surveys, only into an empty database. */
export async function seedIfEmpty(db: Queryable): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await seedReferenceData(db);
  await seedSurveys(db);
  return true;
}
