/** The four elements (四要素): from an industry to its platforms, talents, projects and recruitment records. */
export { elementsRoutes } from './elements.routes.ts';
export { industryFigures } from './operations/industry-figures.ts';
