/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 新建账号（管理员）：角色决定须绑定的辖区。A new account; its role decides which jurisdiction it is bound to. */
export type CreateUserInput = {
  /** 所属村（社区）（社区工作者）。Community, for community workers. */
  communityId?: string | number | null | undefined;
  /** 所属部门（部门经办人员）。Department, for department users. */
  departmentId?: string | number | null | undefined;
  /** 显示名称。Display name. */
  displayName: string;
  /** 初始密码（须符合密码规则）；服务账号不设密码，使用 API 令牌。Initial password; none for service accounts. */
  password?: string | null | undefined;
  /** 辖区（审核人员、议事秘书、督查人员：县；乡镇工作人员：乡镇；分析人员：任一级）。Jurisdiction region. */
  regionId?: string | number | null | undefined;
  /** 角色。Role. */
  role: Role;
  /** 登录名：3–64 位小写字母、数字、下划线、点或连字符。Username. */
  username: string;
};

/** 用户角色。User role. */
export type Role =
  /** 系统管理员。Administrator. */
  | 'ADMIN'
  /** 统计分析人员。Analyst. */
  | 'ANALYST'
  /** 县委常委会议事秘书。County committee secretary. */
  | 'COMMITTEE_SECRETARY'
  /** 村（社区）工作者。Community worker. */
  | 'COMMUNITY_USER'
  /** 部门经办人员。Department user. */
  | 'DEPARTMENT_USER'
  /** 督查人员。Inspector. */
  | 'INSPECTOR'
  /** 平台对接服务账号。Integration service account. */
  | 'INTEGRATION'
  /** 审核人员（县委社会工作部）。Reviewer (county social work department). */
  | 'REVIEWER'
  /** 乡镇（街道）工作人员。Township user. */
  | 'TOWNSHIP_USER';

/** 用户筛选条件。User filter. */
export type UserFilter = {
  /** 是否启用。Active or not. */
  active?: boolean | null | undefined;
  /** 角色。Role. */
  role?: Role | null | undefined;
  /** 按登录名或显示名称搜索。Search by username or display name. */
  search?: string | null | undefined;
};

export type CreateUserMutationVariables = Exact<{
  i: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string, role: Role, active: boolean, region: { name: string } | null, department: { name: string } | null, community: { name: string } | null } };

export type UsersQueryVariables = Exact<{
  f?: UserFilter | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ username: string }> } };

export type MyRegionQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRegionQuery = { me: { username: string, region: { id: string } | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { username: string } };

export type ConsolidationTotalsQueryVariables = Exact<{
  r: string | number;
}>;


export type ConsolidationTotalsQuery = { consolidationPlan: { totals: { communities: number } } };

export type SetUserActiveMutationVariables = Exact<{
  u: string | number;
  a: boolean;
}>;


export type SetUserActiveMutation = { setUserActive: { active: boolean } };


export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"f"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"f"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const MyRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<MyRegionQuery, MyRegionQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ConsolidationTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolidationTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consolidationPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"}}]}}]}}]}}]} as unknown as DocumentNode<ConsolidationTotalsQuery, ConsolidationTotalsQueryVariables>;
export const SetUserActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"StringValue","value":"调离岗位","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<SetUserActiveMutation, SetUserActiveMutationVariables>;