import type { ActionState } from '@/lib/admin/form';

import { AdminForm } from './AdminForm';

/**
 * The card that switches a record off (danger) or back on, for units, users and the like: what
 * switching does, then one button. The action receives the record's id and the state to set.
 */
export function ActiveSwitch({
  id,
  active,
  action,
  title,
  explain,
  offLabel,
  onLabel,
}: {
  id: number;
  active: boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The heading, for the active and the inactive record. */
  title: { active: string; inactive: string };
  /** What switching off does, or that the record is off. */
  explain: { active: string; inactive: string };
  offLabel: string;
  onLabel: string;
}) {
  return (
    <section className="card" aria-labelledby="state">
      <h2 id="state">{active ? title.active : title.inactive}</h2>
      <p>{active ? explain.active : explain.inactive}</p>
      <AdminForm
        action={action}
        submitLabel={active ? offLabel : onLabel}
        variant={active ? 'danger' : 'primary'}
        fields={[
          { name: 'id', label: '', type: 'hidden', defaultValue: String(id) },
          { name: 'active', label: '', type: 'hidden', defaultValue: String(!active) },
        ]}
      />
    </section>
  );
}
