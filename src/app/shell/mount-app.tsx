import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

/** The app's one React root (StrictMode checks only in development; production renders once). */
export function mountApp(root: HTMLElement): void {
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}
