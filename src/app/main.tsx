import { parseRoute } from './shell/hash-route.ts';
import { preloadRoute } from './shell/route-pages.ts';
import './styles.css';

/**
 * The entry imports only what picks the route: the shell (React DOM) and the route's code and
 * framework are asked for at once, so they download side by side instead of the route's files
 * waiting for the shell to arrive and run first (`npm run bench -- load`). No top-level await:
 * a route's chunk may import modules of this entry chunk, which must have finished running.
 */
const root = document.getElementById('root');
if (root) {
  void preloadRoute(parseRoute(window.location.hash), () => import('./shell/mount-app.tsx')).then(({ mountApp }) => mountApp(root));
}
