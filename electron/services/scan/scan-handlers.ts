import type { HandlerGroup } from '../../api/dispatcher';
import type { EventHub } from '../../api/event-hub';
import type { ScanEvents, ScanService } from './scan-service';

/** The `scan.*` methods of the API contract. */
export function createScanHandlers(
  service: ScanService,
): HandlerGroup<'scan.devices' | 'scan.start' | 'scan.cancel'> {
  return {
    'scan.devices': async (params) => {
      const list = await service.devices(params.refresh ?? false);
      return {
        devices: list.devices.map((d) => ({
          id: d.id,
          backend: d.backend,
          name: d.name,
          status: d.status,
          ...(d.problem === undefined ? {} : { problem: d.problem }),
          capabilities: {
            ...(d.capabilities.sources ? { sources: [...d.capabilities.sources] } : {}),
            ...(d.capabilities.resolutions === undefined
              ? {}
              : {
                  resolutions:
                    'min' in d.capabilities.resolutions
                      ? { ...d.capabilities.resolutions }
                      : [...d.capabilities.resolutions],
                }),
            ...(d.capabilities.modes ? { modes: [...d.capabilities.modes] } : {}),
            ...(d.capabilities.maxArea ? { maxArea: { ...d.capabilities.maxArea } } : {}),
            ...(d.capabilities.duplex === undefined ? {} : { duplex: d.capabilities.duplex }),
          },
        })),
        problems: list.problems.map((p) => ({ backend: p.backend, code: p.code })),
      };
    },
    'scan.start': (params) => service.start(params),
    'scan.cancel': () => ({ cancelled: service.cancel() }),
  };
}

/** Publishes the service's events on the app's EventHub as `scan.page` and `scan.progress`. */
export function scanEventsOn(hub: EventHub): ScanEvents {
  return {
    page: (page) => {
      hub.emit('scan.page', page);
    },
    progress: (progress) => {
      hub.emit('scan.progress', progress);
    },
  };
}
