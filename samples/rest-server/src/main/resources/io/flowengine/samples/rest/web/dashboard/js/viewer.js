// The 3D viewer for GLB outputs, on three.js (bundled): the model is framed by its bounding
// sphere, at a distance where the sphere fits both the vertical and the horizontal field of view
// of the canvas's own aspect ratio, so the whole model is visible however it is turned; drag to
// orbit, wheel or pinch to zoom. The canvas keeps its drawing buffer, so what it drew can be read.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

const FIELD_OF_VIEW = 40; // vertical, degrees
const MARGIN = 1.08; // a little room around the sphere
const VIEW_DIRECTION = new THREE.Vector3(0.35, 0.3, 1).normalize();
const BACKGROUND = 0xe9ecf0;

/**
 * Returns the camera distance from the centre at which a sphere of `radius` fits a perspective
 * view of vertical field `fovDegrees` and `aspect` (width / height).
 */
export function framingDistance(radius, fovDegrees, aspect) {
  const vertical = THREE.MathUtils.degToRad(fovDegrees) / 2;
  const horizontal = Math.atan(Math.tan(vertical) * aspect);
  return (radius * MARGIN) / Math.sin(Math.min(vertical, horizontal));
}

function parse(bytes) {
  return new Promise((resolve, reject) => new GLTFLoader().parse(bytes, '', resolve, reject));
}

/** Shows the GLB `bytes` (an ArrayBuffer) in a new canvas inside `container`. */
export async function showModel(container, bytes) {
  const gltf = await parse(bytes);
  const canvas = document.createElement('canvas');
  canvas.className = 'model';
  container.append(canvas);
  let renderer;
  try {
    renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  } catch (e) {
    canvas.remove();
    throw new Error('WebGL is not available in this browser');
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.outputColorSpace = THREE.SRGBColorSpace;

  const scene = new THREE.Scene();
  scene.background = new THREE.Color(BACKGROUND);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x8d8d8d, 2.2));
  const sun = new THREE.DirectionalLight(0xffffff, 2.0);
  sun.position.set(-0.5, 1, 0.8);
  scene.add(sun);
  const model = gltf.scene;
  scene.add(model);

  const sphere = new THREE.Box3().setFromObject(model).getBoundingSphere(new THREE.Sphere());
  const radius = sphere.radius > 0 ? sphere.radius : 1;
  const camera = new THREE.PerspectiveCamera(FIELD_OF_VIEW, 1, radius / 100, radius * 100);
  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(sphere.center);
  controls.enableDamping = false;

  const render = () => {
    renderer.render(scene, camera);
    canvas.dataset.rendered = String(Number(canvas.dataset.rendered || 0) + 1);
  };
  const frame = () => {
    const width = Math.max(1, container.clientWidth);
    const height = Math.max(1, Math.round(width * 3 / 4));
    renderer.setSize(width, height, true);
    camera.aspect = width / height;
    const distance = framingDistance(radius, FIELD_OF_VIEW, camera.aspect);
    const direction = camera.position.lengthSq() > 0
      ? camera.position.clone().sub(controls.target).normalize()
      : VIEW_DIRECTION.clone();
    camera.position.copy(sphere.center).addScaledVector(direction, distance);
    camera.near = Math.max(distance - radius * 2, distance / 1000);
    camera.far = distance + radius * 2;
    controls.minDistance = radius * 0.5;
    controls.maxDistance = distance * 4;
    camera.updateProjectionMatrix();
    controls.update();
    render();
  };
  controls.addEventListener('change', render);
  const resized = new ResizeObserver(frame);
  resized.observe(container);
  frame();
  return {
    canvas,
    dispose() {
      resized.disconnect();
      controls.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
      canvas.remove();
    },
  };
}
