import type { HandlerGroup } from '../../api/dispatcher';
import type { CardService } from './card-service';

/** The `card.*` methods of the API contract. */
export function createCardHandlers(
  service: CardService,
): HandlerGroup<'card.readers' | 'card.read' | 'card.cancel'> {
  return {
    'card.readers': () => {
      const s = service.status();
      return { serviceUp: s.serviceUp, readers: [...s.readers] };
    },
    'card.read': async (params) => {
      const identity = await service.read({
        access: params.access,
        ...(params.reader === undefined ? {} : { reader: params.reader }),
        ...(params.waitSeconds === undefined ? {} : { waitSeconds: params.waitSeconds }),
      });
      const photo = identity.photo;
      return {
        citizen: identity.citizen,
        photo:
          photo === null || (photo.mimeType !== 'image/jpeg' && photo.mimeType !== 'image/jp2')
            ? null
            : {
                mimeType: photo.mimeType,
                dataUrl: `data:${photo.mimeType};base64,${Buffer.from(photo.data).toString('base64')}`,
              },
        passiveAuthentication: { ...identity.passive, failures: [...identity.passive.failures] },
        activeAuthentication: identity.active === null ? null : { ...identity.active },
        accessProtocol: identity.accessProtocol,
        warnings: identity.warnings.map((w) => ({ ...w })),
        counters: { ...identity.counters, chunk: identity.chunk },
      };
    },
    'card.cancel': () => ({ cancelled: service.cancel() }),
  };
}
