import { useEffect, useState } from 'react';
import { useKiosk } from '../../api/KioskContext';
import { receiptOutages, type ReceiptOutages } from './receipt-outages';

/**
 * The last answer on this page (no personal data): the receipt step starts from what the
 * start screen learnt, so its notes are there from the first frame instead of appearing
 * a moment later above the code and moving the buttons under a finger.
 */
let lastKnown: ReceiptOutages = { portal: false, printer: false };

/**
 * The printer and the portal, asked once when the screen opens. Nothing waits
 * on the answer (the core bounds each check to 2 s): the screen works at once
 * and the notes appear when the answer comes.
 */
export function useOutages(): ReceiptOutages {
  const { api } = useKiosk();
  const [outages, setOutages] = useState<ReceiptOutages>(lastKnown);
  useEffect(() => {
    let live = true;
    void api.system.outages({}).then((result) => {
      if (!result.ok) return;
      lastKnown = receiptOutages(result.value);
      if (live) setOutages(lastKnown);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return outages;
}
