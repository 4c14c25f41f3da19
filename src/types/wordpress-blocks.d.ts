/**
 * Types for the parts of @wordpress/blocks and @wordpress/block-editor this plugin uses.
 *
 * The versions that match WordPress 6.6 ship no TypeScript types, and the DefinitelyTyped
 * packages pin other @wordpress/* versions; these few declarations are checked against use.
 * Add to them as the block uses more.
 * @param name
 * @param settings
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

	export interface BlockConfiguration<
		T extends Record< string, unknown > = Record< string, unknown >,
	> {
		edit: ComponentType< BlockEditProps< T > >;
		save?: ComponentType< { attributes: T } > | ( () => null );
		variations?: unknown[];
		transforms?: unknown;
		[ key: string ]: unknown;
	}

	export function registerBlockType<
		T extends Record< string, unknown > = Record< string, unknown >,
	>( name: string, settings: BlockConfiguration< T > ): unknown;
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
