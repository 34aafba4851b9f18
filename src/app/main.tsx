import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseRoute } from './shell/hash-route.ts';
import { App } from './shell/App.tsx';
import { preloadRoute } from './shell/route-pages.ts';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  await preloadRoute(parseRoute(window.location.hash));
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}
