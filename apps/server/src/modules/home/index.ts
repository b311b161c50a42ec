/** Home (首页): what waits for each role (待我处理), read across modules under the user's row-level security. */
export { homeRoutes } from './home.routes.ts';
