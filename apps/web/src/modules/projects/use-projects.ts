import {
  type HelperAssignInput,
  Project,
  ProjectCounts,
  type ProjectEntryInput,
  type ProjectInput,
  type ProjectListQuery,
  type ProjectMilestoneInput,
  type ProjectOutputInput,
  ProjectPage,
  type ProjectStageInput,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type Query } from '../../ui/api.ts';

const KEY = 'projects';

export function useProjects(query: ProjectListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api.get('/api/projects', ProjectPage, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api.get(`/api/projects/${id}`, Project),
    enabled: Boolean(id),
  });
}

export function useProjectCounts(year: number) {
  return useQuery({
    queryKey: [KEY, 'counts', year],
    queryFn: () => api.get('/api/projects/counts', ProjectCounts, { year }),
  });
}

export function useHelpers() {
  return useQuery({
    queryKey: [KEY, 'helpers'],
    queryFn: () => api.get('/api/projects/helpers', z.array(z.object({ id: z.string(), name: z.string() }))),
    staleTime: 60_000,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: [KEY] });
    // Events and needs show what projects did (attribution, contracted needs).
    void client.invalidateQueries({ queryKey: ['matchmaking'] });
  };
}

/**
 * Creates a project; with `signedOn` it is then signed at once (意向 → 签约). A refused signing
 * leaves the project created (as 意向): the answer carries the refusal so the caller can say so
 * rather than offer a retry that would create the project twice.
 */
export function useCreateProject() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ input, signedOn }: { input: ProjectInput; signedOn?: string }) => {
      const project = await api.post('/api/projects', Project, input);
      if (!signedOn) return { project, signError: null };
      const signing: ProjectStageInput = { to: 'signed', signedOn, contractNo: input.contractNo ?? '' };
      try {
        return {
          project: await api.post(`/api/projects/${project.id}/stage`, Project, signing),
          signError: null,
        };
      } catch (error) {
        return { project, signError: error };
      }
    },
    onSuccess: invalidate,
  });
}

export function useProjectActions(id: string) {
  const onSuccess = useInvalidate();
  return {
    stage: useMutation({
      mutationFn: (input: ProjectStageInput) => api.post(`/api/projects/${id}/stage`, Project, input),
      onSuccess,
    }),
    helper: useMutation({
      mutationFn: (input: HelperAssignInput) => api.post(`/api/projects/${id}/helper`, Project, input),
      onSuccess,
    }),
    entry: useMutation({
      mutationFn: (input: ProjectEntryInput) => api.post(`/api/projects/${id}/entries`, Project, input),
      onSuccess,
    }),
    milestone: useMutation({
      mutationFn: (input: ProjectMilestoneInput) =>
        api.post(`/api/projects/${id}/milestones`, Project, input),
      onSuccess,
    }),
    milestoneDone: useMutation({
      mutationFn: ({ milestoneId, ...input }: ProjectMilestoneInput & { milestoneId: string }) =>
        api.put(`/api/projects/${id}/milestones/${milestoneId}`, Project, input),
      onSuccess,
    }),
    output: useMutation({
      mutationFn: (input: ProjectOutputInput) => api.post(`/api/projects/${id}/outputs`, Project, input),
      onSuccess,
    }),
  };
}
