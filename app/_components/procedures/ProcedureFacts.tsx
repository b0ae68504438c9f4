import './procedures.css';

import type { ProcedureMessages } from '@/lib/procedures/messages';
import { hasDetails, type ProcedureRecord, type VietnameseField } from '@/lib/procedures/record';

// A procedure's record in the order a citizen needs it: how long and how much first, then what to
// bring and what happens, then the rest. No hooks: the public page renders it on the server and
// the kiosk's lookup mode in the browser. In English, a field the catalogue did not translate is
// shown in Vietnamese (lang="vi", so a screen reader reads it so) with a visible note.

export function IllustrativeNote({ t }: { t: ProcedureMessages }) {
  return (
    <p className="procedure-illustrative" role="note">
      <strong className="procedure-illustrative__badge">{t.illustrative}</strong> {t.illustrativeNote}
    </p>
  );
}

/** "(tiếng Việt · Vietnamese only)" after a text left in Vietnamese on an English page. */
export function VietnameseOnly({ t }: { t: ProcedureMessages }) {
  return (
    <span className="procedure-vi-only">
      {' '}
      (<span lang="vi">tiếng Việt</span> · {t.vietnameseOnly})
    </span>
  );
}

/** On an English page, the note that this whole record is in Vietnamese only. */
export function VietnameseOnlyNote({ t }: { t: ProcedureMessages }) {
  return (
    <p className="procedure-vi-only-note" role="note" data-testid="procedure-vietnamese-only">
      {t.vietnameseOnlyNote} (<span lang="vi">tiếng Việt</span>)
    </p>
  );
}

export function ProcedureFacts({
  record,
  t,
  headingLevel = 2,
  vietnamese = new Set(),
  allVietnamese = false,
}: {
  record: ProcedureRecord;
  t: ProcedureMessages;
  headingLevel?: 2 | 3;
  /** Fields shown in Vietnamese on an English page (lib/procedures/record.ts, localizeRecord). */
  vietnamese?: ReadonlySet<VietnameseField>;
  /** The whole record is in Vietnamese (said once above it): no note on each field. */
  allVietnamese?: boolean;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  // lang and the note for a field left in Vietnamese; nothing on a Vietnamese page.
  const vi = (field: VietnameseField) => (vietnamese.has(field) ? { lang: 'vi' } : {});
  const note = (field: VietnameseField) => vietnamese.has(field) && !allVietnamese && <VietnameseOnly t={t} />;
  if (!hasDetails(record)) return <p className="procedure-empty">{t.noDetails}</p>;
  const list = (items: string[], ordered = false) => {
    if (items.length === 0) return <p className="muted">{t.notStated}</p>;
    const children = items.map((item, i) => <li key={i}>{item}</li>);
    return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
  };
  return (
    <div className="procedure-facts">
      <dl className="procedure-key">
        <div>
          <dt>{t.processingTime}</dt>
          <dd data-testid="procedure-time">
            <span {...vi('processingTime')}>{record.processingTime ?? t.notStated}</span>
            {note('processingTime')}
          </dd>
        </div>
        <div>
          <dt>{t.fees}</dt>
          <dd data-testid="procedure-fees">
            <span {...vi('fees')}>{record.fees ?? t.notStated}</span>
            {note('fees')}
          </dd>
        </div>
      </dl>
      <section>
        <H>
          {t.documents}
          {note('documents')}
        </H>
        {record.documents.length === 0 ? (
          <p className="muted">{t.notStated}</p>
        ) : (
          <ul className="procedure-documents" data-testid="procedure-documents" {...vi('documents')}>
            {record.documents.map((d, i) => (
              <li key={i}>
                {d.name}
                {(d.originals !== null || d.copies !== null) && (
                  <span className="procedure-counts">
                    {' '}
                    ({t.originals}: {d.originals ?? 0}, {t.copies}: {d.copies ?? 0})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {record.dossierCount && (
          <p>
            {t.dossierCount}: {record.dossierCount}
          </p>
        )}
      </section>
      <section>
        <H>
          {t.steps}
          {note('steps')}
        </H>
        <div {...vi('steps')}>{list(record.steps, true)}</div>
      </section>
      <section>
        <H>
          {t.ways}
          {note('ways')}
        </H>
        <div {...vi('ways')}>{list(record.ways)}</div>
        {record.onlineLevel && (
          <p>
            {t.online} – {t.onlineLevel}: {record.onlineLevel}
          </p>
        )}
      </section>
      <dl className="procedure-more">
        <dt>{t.result}</dt>
        <dd>
          <span {...vi('result')}>{record.result ?? t.notStated}</span>
          {note('result')}
        </dd>
        <dt>{t.agency}</dt>
        <dd>
          <span {...vi('agency')}>{record.agency ?? t.notStated}</span>
          {note('agency')}
        </dd>
        <dt>
          {t.legalBasis}
          {note('legalBasis')}
        </dt>
        <dd {...vi('legalBasis')}>{list(record.legalBasis)}</dd>
        <dt>
          {t.forms}
          {note('forms')}
        </dt>
        <dd {...vi('forms')}>{list(record.forms)}</dd>
      </dl>
    </div>
  );
}
