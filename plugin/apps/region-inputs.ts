// Text and input widgets (ToolJet 3 widget configs: server/src/modules/apps/services/widget-config/
// text.js, textinput.js, numberinput.js, textarea.js, dropdownV2.js, button.js, filepicker.js).
import type { Size } from './layout.js';
import { RegionBase } from './region-base.js';
import { fx, type Choice, type ComponentRef, type QueryRef } from './refs.js';

export class InputRegion extends RegionBase {
  heading(name: string, text: string, size: Size = { height: 40 }): ComponentRef<'Text'> {
    return this.add('Text', name, size, {
      properties: { text, textFormat: 'plainText', visibility: '{{true}}' },
      styles: { textSize: '{{20}}', fontWeight: 'bold', textColor: 'var(--cc-primary-text)' },
    }) as ComponentRef<'Text'>;
  }

  text(name: string, text: string, size: Size = { height: 30 }): ComponentRef<'Text'> {
    return this.add('Text', name, size, {
      properties: { text, textFormat: /<[a-z]/i.test(text) ? 'html' : 'plainText', visibility: '{{true}}' },
      styles: { textSize: '{{14}}', textColor: 'var(--cc-primary-text)' },
    }) as ComponentRef<'Text'>;
  }

  textInput(name: string, label: string, o: { placeholder?: string; value?: string; width?: number } = {}): ComponentRef<'TextInput'> {
    return this.add(
      'TextInput',
      name,
      { width: o.width, height: 40 },
      {
        properties: { label, placeholder: o.placeholder ?? '', value: o.value, showClearBtn: '{{true}}' },
        styles: { alignment: 'top' },
      },
    ) as ComponentRef<'TextInput'>;
  }

  numberInput(name: string, label: string, o: { value?: string; width?: number } = {}): ComponentRef<'NumberInput'> {
    return this.add(
      'NumberInput',
      name,
      { width: o.width, height: 40 },
      {
        properties: { label, value: o.value ?? '', placeholder: '' },
        styles: { alignment: 'top' },
      },
    ) as ComponentRef<'NumberInput'>;
  }

  textArea(name: string, label: string, o: { placeholder?: string; value?: string; width?: number; height?: number } = {}): ComponentRef<'TextArea'> {
    return this.add(
      'TextArea',
      name,
      { width: o.width, height: o.height ?? 90 },
      {
        properties: { label, placeholder: o.placeholder ?? '', value: o.value },
        styles: { alignment: 'top' },
      },
    ) as ComponentRef<'TextArea'>;
  }

  /** DropdownV2 with fixed choices, or `{{ }}` choices (an array of { label, value }). */
  dropdown(name: string, label: string, choices: readonly Choice[] | string, o: { value?: string; width?: number; onSelect?: readonly QueryRef[] } = {}): ComponentRef<'DropdownV2'> {
    const fixed = typeof choices !== 'string';
    const options = fixed
      ? choices.map((c) => ({ label: c.label, value: c.value, caption: null, disable: { value: false }, visible: { value: true }, default: { value: c.value === o.value } }))
      : undefined;
    const properties = {
      label,
      placeholder: '',
      advanced: fixed ? '{{false}}' : '{{true}}',
      schema: fixed ? undefined : choices,
      options,
      showClearBtn: '{{true}}',
      showSearchInput: '{{true}}',
      visibility: '{{true}}',
      disabledState: '{{false}}',
    };
    const events = (o.onSelect ?? []).map((query) => ({ eventId: 'onSelect', query }));
    return this.add('DropdownV2', name, { width: o.width, height: 40 }, { properties, styles: { alignment: 'top' } }, events) as ComponentRef<'DropdownV2'>;
  }

  /**
   * FilePicker (filepicker.js). Bind `{{components.<name>.file[0]}}`: every version still in use exposes `file`
   * with name, type and base64Data (newer ones add `files`; frontend/src/AppBuilder/Widgets/FilePicker/hooks/useFilePicker.js).
   */
  filePicker(name: string, label: string, o: { accept: string; maxBytes: number; width?: number }): ComponentRef<'FilePicker'> {
    return this.add(
      'FilePicker',
      name,
      { width: o.width, height: 140 },
      {
        properties: {
          label,
          instructionText: label,
          enableDropzone: '{{true}}',
          enablePicker: '{{true}}',
          enableMultiple: '{{false}}',
          parseContent: '{{false}}',
          parseFileType: 'auto-detect',
          visibility: '{{true}}',
          disabledState: '{{false}}',
        },
        validation: { enableValidation: '{{false}}', fileType: o.accept, minSize: '{{0}}', maxSize: `{{${o.maxBytes}}}`, minFileCount: '{{0}}', maxFileCount: '{{1}}' },
      },
    ) as ComponentRef<'FilePicker'>;
  }

  button(name: string, text: string, onClick: QueryRef, o: { width?: number; disabled?: string; type?: 'primary' | 'outline' } = {}): ComponentRef<'Button'> {
    return this.add(
      'Button',
      name,
      { width: o.width ?? 10, height: 40 },
      {
        properties: { text, disabledState: o.disabled ?? '{{false}}', loadingState: fx(onClick.js('isLoading')), visibility: '{{true}}' },
        styles: { type: o.type ?? 'primary' },
      },
      [{ eventId: 'onClick', query: onClick }],
    ) as ComponentRef<'Button'>;
  }
}
