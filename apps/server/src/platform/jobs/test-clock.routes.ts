import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn } from '../auth/auth.plugin.ts';
import type { createManualClock } from '../clock.ts';
import type { ScheduledJob } from './jobs.ts';

/**
 * Browser tests only (GAODI_TEST_CLOCK=1, never in production; main.ts refuses): moves the server's
 * manual clock and runs the scheduled jobs at once, so a test sees what a later day shows without
 * sleeping.
 */
export const testClockRoutes: FastifyPluginAsyncZod<{
  clock: ReturnType<typeof createManualClock>;
  jobs: readonly ScheduledJob[];
}> = async (app, { clock, jobs }) => {
  app.post(
    '/api/test/clock',
    {
      schema: {
        hide: true,
        body: z.object({ days: z.number().int().min(-400).max(400) }),
        response: { 200: z.object({ now: z.string() }) },
      },
      preHandler: signedIn,
    },
    async (request) => {
      clock.advanceDays(request.body.days);
      for (const job of jobs) await job.run();
      return { now: clock.now().toISOString() };
    },
  );
};
