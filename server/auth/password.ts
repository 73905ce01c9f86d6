import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1). `algorithm: 2` is Argon2id; the package
// exports it as a const enum, which isolated modules cannot import.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/** A real hash of nothing, verified against when the email is unknown so timing does not reveal accounts. */
let decoy: Promise<string> | null = null;
export const decoyPasswordHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-never-matches'));
