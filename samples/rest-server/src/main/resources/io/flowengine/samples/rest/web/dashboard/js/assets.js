// Assets in the dashboard: a list with a download button each (the raw bytes, asked for with the
// asset's own media type), and reading a chosen file as a data URI for an upload.
import { api } from './api.js';
import { el, bytes } from './dom.js';

/** Downloads an asset's bytes under the file name the server gives. */
export async function download(asset) {
  const response = await api.assetBytes(asset);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: match ? match[1] : asset.asset_id });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A list of assets; `extra(asset)` adds buttons to an item. */
export function assetList(assets, { id, extra = () => [], onError }) {
  if (!assets.length) return el('p', { class: 'muted', id }, 'None.');
  return el('ul', { class: 'assets', id },
    assets.map(asset => el('li', { dataset: { assetId: asset.asset_id, mediaType: asset.media_type } },
      el('span', { class: 'asset-type' }, asset.media_type),
      el('span', { class: 'asset-size' }, bytes(asset.size)),
      el('code', { class: 'asset-id', title: `sha256 ${asset.sha256}` }, asset.asset_id),
      el('span', { class: 'asset-actions' },
        el('button', {
          type: 'button', class: 'download',
          onclick: () => download(asset).catch(onError),
        }, 'Download'),
        extra(asset)))));
}

/** Reads a File as a data URI (what the API takes as an input's `data`). */
export function readAsDataUri(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
