import type { Pairing } from '@gaodi/contracts';
import { ProjectFormDialog } from './project-form-dialog.tsx';

/**
 * 签约立项 from a pairing (the need page opens it): the project takes the pairing's need,
 * enterprise, institute and event; the fields are the same form as 新建项目.
 */
export function ProjectFromPairingDialog({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) {
  return <ProjectFormDialog pairing={pairing} onClose={onClose} />;
}
