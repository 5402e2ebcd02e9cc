/**
 * Hash routes (`#/alerts`, `#/cases/ID`): the API owns every server path, so the workbench's
 * pages live after the `#` and a reload never reaches the server with a page path.
 */
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  id?: string;
}

export function parseHash(hash: string): Route {
  const [page = 'screening', id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return id ? { page: page || 'screening', id } : { page: page || 'screening' };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(page: string, id?: string): string {
  return id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
}
