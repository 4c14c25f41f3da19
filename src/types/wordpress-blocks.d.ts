/*
 * Types for the parts of @wordpress/blocks, @wordpress/block-editor and
 * @wordpress/server-side-render this plugin uses.
 *
 * The versions that match WordPress 6.6 ship no TypeScript types, and the DefinitelyTyped
 * packages pin other @wordpress/* versions; these few declarations are checked against use.
 * Add to them as the block uses more.
 */
declare module '@wordpress/blocks' {
	import type { ComponentType } from 'react';

	export interface BlockEditProps< T extends Record< string, unknown > > {
		attributes: T;
		setAttributes: ( attributes: Partial< T > ) => void;
		clientId: string;
		isSelected: boolean;
		className?: string;
	}

	export interface BlockVariation<
		T extends Record< string, unknown > = Record< string, unknown >,
	> {
		name: string;
		title: string;
		description?: string;
		icon?: string;
		attributes?: Partial< T >;
		isDefault?: boolean;
		scope?: Array< 'block' | 'inserter' | 'transform' >;
		isActive?: string[] | ( ( attributes: Partial< T > ) => boolean );
	}

	export interface BlockInstance<
		T extends Record< string, unknown > = Record< string, unknown >,
	> {
		name: string;
		clientId: string;
		attributes: T;
		innerBlocks: BlockInstance[];
	}

	export interface BlockConfiguration<
		T extends Record< string, unknown > = Record< string, unknown >,
	> {
		edit: ComponentType< BlockEditProps< T > >;
		save?: ComponentType< { attributes: T } > | ( () => null );
		variations?: Array< BlockVariation< T > >;
		transforms?: unknown;
		[ key: string ]: unknown;
	}

	export function registerBlockType<
		T extends Record< string, unknown > = Record< string, unknown >,
	>( name: string, settings: BlockConfiguration< T > ): unknown;

	export function createBlock<
		T extends Record< string, unknown > = Record< string, unknown >,
	>(
		name: string,
		attributes?: Partial< T >,
		innerBlocks?: BlockInstance[]
	): BlockInstance< T >;
}

declare module '@wordpress/block-editor' {
	import type { ComponentType, HTMLAttributes, ReactNode } from 'react';

	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement > & Record< string, unknown >
	): HTMLAttributes< HTMLElement > & Record< string, unknown >;

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: string;
	} >;
	export const BlockControls: ComponentType< {
		children?: ReactNode;
		group?: string;
	} >;
}

declare module '@wordpress/server-side-render' {
	import type { ComponentType } from 'react';

	const ServerSideRender: ComponentType< {
		block: string;
		attributes?: Record< string, unknown >;
		skipBlockSupportAttributes?: boolean;
		httpMethod?: 'GET' | 'POST';
		className?: string;
	} >;
	export default ServerSideRender;
}
