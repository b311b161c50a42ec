import { Fragment, type ReactNode } from 'react';
import { PageLoading } from '../../ui/page.tsx';
import { setOfficeStageNames, useStageLabelsQuery } from './use-stage-labels.ts';

/**
 * Renders the pages once the office's stage names are known, so every stage label shows the
 * office's name from the first paint. Without permission or on an error the built-in names are
 * used. A region switch loads the other region's names and renders the page again.
 */
export function StageNamesReady({ children }: { children: ReactNode }) {
  const query = useStageLabelsQuery();
  if (query.isPending && query.fetchStatus !== 'idle') return <PageLoading />;
  // Plain assignment during render: the helpers read it while these children render.
  setOfficeStageNames(query.data ?? null);
  return <Fragment key={query.data?.regionCode ?? ''}>{children}</Fragment>;
}
