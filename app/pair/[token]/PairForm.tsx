'use client';

import { useActionState } from 'react';

import { kioskMessages } from '@/lib/i18n';

import { pairDevice, type PairState } from './actions';

export function PairForm({ token }: { token: string }) {
  const t = kioskMessages.vi;
  const [state, action, pending] = useActionState<PairState, FormData>(pairDevice.bind(null, token), { failed: false });

  return (
    <form action={action} className="form">
      {state.failed && (
        <p className="status status--error" role="alert">
          {t.pairLinkInvalid}
        </p>
      )}
      <button type="submit" className="button" disabled={pending || state.paired}>
        {pending || state.paired ? t.pairing : t.pairConfirm}
      </button>
    </form>
  );
}
