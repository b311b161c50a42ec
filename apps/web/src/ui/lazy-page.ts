import { type ComponentType, lazy } from 'react';

/** Set while a reload for a missing chunk is under way; cleared by the next chunk that loads. */
const RELOADED = 'gaodi_chunk_reload';

/**
 * A page loaded on first visit, so the login page does not carry every screen. After a release the
 * old chunk names are gone and the import fails: the page reloads once to fetch the new
 * index.html; if the import fails again after that reload, the error reaches the error boundary
 * instead of reloading in a loop. Every `*-routes.tsx` declares its pages with this.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED);
      return { default: module[name] as ComponentType };
    } catch (error) {
      if (!sessionStorage.getItem(RELOADED)) {
        sessionStorage.setItem(RELOADED, '1');
        window.location.reload();
        return new Promise<never>(() => {});
      }
      throw error;
    }
  });
}
