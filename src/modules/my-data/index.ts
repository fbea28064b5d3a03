export { registerMyDataRoutes } from './my-data.routes.tsx';
