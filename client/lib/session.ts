/**
 * "Your session ended" as a signal. Raised by the WebSocket (close code 4401) and by any call
 * answered UNAUTHORIZED; the app shell listens once (app/providers.tsx), clears the cache and
 * goes to sign-in. Kept free of imports so the transport layer can raise it without cycles.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export const onSessionEnded = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const endSession = (): void => {
  for (const listener of listeners) listener();
};

/**
 * Procedures that answer UNAUTHORIZED for reasons other than a lost session (a wrong password,
 * signing out twice). Their errors are shown where they happen instead.
 */
export const SESSIONLESS_PROCEDURES: ReadonlySet<string> = new Set([
  'auth.signIn',
  'auth.signUp',
  'auth.signOut',
  'auth.acceptInvite',
  'auth.previewInvite',
]);
