/** Round-table dialogue (圆桌对话): meetings, agenda from proposals, decisions followed to proof, minutes and ledger. */
export type { RoundtableDeps } from './roundtable.deps.ts';
export { roundtableRoutes } from './roundtable.routes.ts';
export { decisionSupervisedItems } from './roundtable.supervision.ts';
export { roundtableDecisions, roundtableItems, roundtableMeetings } from './roundtable.table.ts';
