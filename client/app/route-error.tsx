import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a route fails to render or its chunk fails to load (e.g. after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <div className="auth-page">
      <main className="auth-main">
        <div className="auth-card">
          <h1 className="auth-title">{isRouteErrorResponse(error) && error.status === 404 ? 'Page not found' : 'Something went wrong'}</h1>
          <div className="auth-subtitle">
            {chunkFailed ? 'Switchboard was updated. Reload to get the latest version.' : 'This page failed to load. Reloading usually helps.'}
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
              Reload
            </button>
            <Link className="btn btn-secondary" to="/inbox">
              Go to the inbox
            </Link>
          </div>
        </div>
      </main>
    </div>
  );
}
