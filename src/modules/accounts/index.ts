export { registerAccountRoutes } from './accounts.routes.tsx';
