import type { Role } from '@gaodi/contracts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/http/errors.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { SupervisionService } from '../supervision/index.ts';

/** What round-table operations use; built once in app.ts. */
export type RoundtableDeps = {
  db: Database;
  clock: Clock;
  notifier: Notifier;
  supervision: SupervisionService;
  mover: StageMover;
};

/** The chair's office: who schedules meetings, sets the agenda, records decisions and accepts proof. */
const OFFICE: readonly Role[] = ['staff', 'taskforce_lead', 'leader'];
export function assertOffice(ctx: UserContext) {
  if (!OFFICE.includes(ctx.user.role)) throw forbidden(ctx.lang);
}
