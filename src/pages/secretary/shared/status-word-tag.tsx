export { StatusWordTag } from '@/components/status-word-tag'
