import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKey } from './apply-key';
import { layoutRows, type KeyboardLayout, type KeySpec } from './keyboard-layouts';
import './touch.css';

interface OnScreenKeyboardProps {
  readonly layout: KeyboardLayout;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength?: number | undefined;
  /** What the keys type into, for screen readers ("Bàn phím cho: Họ và tên"). */
  readonly target: string;
}

/**
 * Big keys on the screen for a kiosk without a keyboard. Every key is a
 * real button (≥ 64 px, 80 px in large text) with a spoken name; the keys
 * append to the value, never move a caret. The value is NFC.
 */
export function OnScreenKeyboard({
  layout,
  value,
  onChange,
  maxLength,
  target,
}: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const [shift, setShift] = useState(layout === 'text' && value === '');
  const { columns, rows } = layoutRows(layout);

  const press = (key: KeySpec) => {
    const next = applyKey({ value, shift }, key.action, maxLength);
    setShift(next.shift);
    if (next.value !== value) onChange(next.value);
  };
  const caption = (key: KeySpec): { text: string; name?: string } => {
    switch (key.action.kind) {
      case 'insert':
        if (key.id === 'space') return { text: t('touch.space'), name: t('touch.space') };
        return { text: shift ? key.action.text.toUpperCase() : key.action.text };
      case 'tone':
        return {
          text: t(`touch.tones.${key.action.tone}`),
          name: t('touch.toneName', { tone: t(`touch.tones.${key.action.tone}`) }),
        };
      case 'shift':
        return { text: `⇧ ${t('touch.shift')}` };
      case 'backspace':
        return { text: `⌫ ${t('touch.backspace')}`, name: t('touch.backspaceName') };
      case 'clear':
        return { text: t('touch.clear'), name: t('touch.clearName') };
    }
  };

  return (
    <div
      className={`osk osk-${layout} osk-cols-${String(columns)}`}
      role="group"
      aria-label={t('touch.keyboardFor', { target })}
    >
      {rows.flatMap((row, r) =>
        row.map((key) => {
          const { text, name } = caption(key);
          return (
            <button
              key={`${r}-${key.id}`}
              type="button"
              className={`osk-key osk-${key.action.kind}${key.span ? ` osk-span-${String(key.span)}` : ''}`}
              data-key={key.id}
              aria-label={name}
              aria-pressed={key.action.kind === 'shift' ? shift : undefined}
              // Keeps the focus (and a screen reader's place) in the field being typed.
              onMouseDown={(event) => {
                event.preventDefault();
              }}
              onClick={() => {
                press(key);
              }}
            >
              {text}
            </button>
          );
        }),
      )}
    </div>
  );
}
