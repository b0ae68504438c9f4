import './procedures.css';

import type { ProcedureMessages } from '@/lib/procedures/messages';
import { hasDetails, type ProcedureRecord } from '@/lib/procedures/record';

// A procedure's record in the order a citizen needs it: how long and how much first, then what to
// bring and what happens, then the rest. No hooks: the public page renders it on the server and
// the kiosk's lookup mode in the browser.

export function IllustrativeNote({ t }: { t: ProcedureMessages }) {
  return (
    <p className="procedure-illustrative" role="note">
      <strong className="procedure-illustrative__badge">{t.illustrative}</strong> {t.illustrativeNote}
    </p>
  );
}

export function ProcedureFacts({
  record,
  t,
  headingLevel = 2,
}: {
  record: ProcedureRecord;
  t: ProcedureMessages;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
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
          <dd data-testid="procedure-time">{record.processingTime ?? t.notStated}</dd>
        </div>
        <div>
          <dt>{t.fees}</dt>
          <dd data-testid="procedure-fees">{record.fees ?? t.notStated}</dd>
        </div>
      </dl>
      <section>
        <H>{t.documents}</H>
        {record.documents.length === 0 ? (
          <p className="muted">{t.notStated}</p>
        ) : (
          <ul className="procedure-documents" data-testid="procedure-documents">
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
        <H>{t.steps}</H>
        {list(record.steps, true)}
      </section>
      <section>
        <H>{t.ways}</H>
        {list(record.ways)}
        {record.onlineLevel && (
          <p>
            {t.online} – {t.onlineLevel}: {record.onlineLevel}
          </p>
        )}
      </section>
      <dl className="procedure-more">
        <dt>{t.result}</dt>
        <dd>{record.result ?? t.notStated}</dd>
        <dt>{t.agency}</dt>
        <dd>{record.agency ?? t.notStated}</dd>
        <dt>{t.legalBasis}</dt>
        <dd>{list(record.legalBasis)}</dd>
        <dt>{t.forms}</dt>
        <dd>{list(record.forms)}</dd>
      </dl>
    </div>
  );
}
