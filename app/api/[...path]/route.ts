import { notFound } from '@/lib/http/errors';

// Any /api address no route handler claims: the error envelope rather than the HTML 404 page.
const unknown = () => notFound('unknown_path', 'No such API address; see README "API".');

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
