export { SERVICE_CATALOGUE, SERVICE_CATEGORIES, MEMBER_POSTS, isSubItemOf, type ServiceCategory } from './service-catalogue';
