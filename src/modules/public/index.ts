export { registerPublicRoutes } from './public.routes.tsx';
