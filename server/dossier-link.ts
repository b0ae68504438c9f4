import { verifyDossier, type DossierRef } from '@/lib/qr/links';

import { appSecret } from './secret';

/**
 * Whether `signature` is the one the receipt's QR link carries for this desk, dossier and
 * procedure. The phone page (app/s/[point]/page.tsx) asks before showing the survey and the
 * ingest path (server/ingest.ts) before storing: without it, anyone who guesses a dossier number
 * could use up its one rating.
 */
export function isDossierLinkSigned(ref: DossierRef, signature: string | undefined | null): boolean {
  return verifyDossier(appSecret(), ref, signature);
}
