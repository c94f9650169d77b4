import { KioskError } from '../../api/errors';
import type { HandlerGroup } from '../../api/dispatcher';
import { DEFAULT_SEARCH_LIMIT, type ProcedureCatalogue } from './procedure-catalogue';

/** `procedure.search` and `procedure.get`; the catalogue is public, so no staff sign-in is needed. */
export function createCatalogueHandlers(
  catalogue: ProcedureCatalogue,
): HandlerGroup<'procedure.search' | 'procedure.get'> {
  return {
    'procedure.search': ({ query, limit }) => {
      const { procedures, total } = catalogue.search(query, limit ?? DEFAULT_SEARCH_LIMIT);
      return { procedures, total };
    },
    'procedure.get': ({ code }) => {
      const procedure = catalogue.get(code);
      if (procedure === undefined) {
        throw new KioskError('PROCEDURE_NOT_FOUND', `Procedure ${code} is not in the catalogue`);
      }
      return procedure;
    },
  };
}
