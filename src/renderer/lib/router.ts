// A tiny hash router: #/campaigns, #/campaign/<id>, #/audit, #/settings.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string }
  | { name: 'audit' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, id] = path.split('/');
  if (head === 'campaign' && id) return { name: 'campaign', id: decodeURIComponent(id) };
  if (head === 'audit') return { name: 'audit' };
  if (head === 'settings') return { name: 'settings' };
  return { name: 'campaigns' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'campaign':
      return `#/campaign/${encodeURIComponent(route.id)}`;
    case 'audit':
      return '#/audit';
    case 'settings':
      return '#/settings';
    default:
      return '#/campaigns';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
