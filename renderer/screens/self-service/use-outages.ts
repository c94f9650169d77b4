import { useEffect, useState } from 'react';
import { useKiosk } from '../../api/KioskContext';
import { receiptOutages, type ReceiptOutages } from './receipt-outages';

const NONE: ReceiptOutages = { portal: false, printer: false };

/**
 * The printer and the portal, asked once when the screen opens. Nothing waits
 * on the answer (the core bounds each check to 2 s): the screen works at once
 * and the notes appear when the answer comes.
 */
export function useOutages(): ReceiptOutages {
  const { api } = useKiosk();
  const [outages, setOutages] = useState<ReceiptOutages>(NONE);
  useEffect(() => {
    let live = true;
    void api.system.outages({}).then((result) => {
      if (live && result.ok) setOutages(receiptOutages(result.value));
    });
    return () => {
      live = false;
    };
  }, [api]);
  return outages;
}
