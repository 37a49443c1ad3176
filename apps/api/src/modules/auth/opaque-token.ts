import { createHash, randomBytes } from 'node:crypto';

/** A random, unguessable token (256 bits) for refresh cookies and invitation links. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** Only this digest is stored, so a copy of the database does not hand out live sessions or links. */
export const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');
