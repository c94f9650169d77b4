/** The store hands out the API contract's shapes unchanged. */
export {
  ComponentViewSchema,
  DossierSummarySchema,
  DossierViewSchema,
  OutboxRowViewSchema,
  SyncStateSchema,
  type ComponentView,
  type DossierSummary,
  type DossierView,
  type SyncState,
} from '../../api/contract/dossier';
