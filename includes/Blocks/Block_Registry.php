<?php
/**
 * Registers the plugin's blocks from the manifest that `wp-scripts build --blocks-manifest` writes.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Blocks;

use Creators_Connect\Settings\Marketplace_Rows;

/**
 * Block registration.
 */
final class Block_Registry {

	/**
	 * The folder that holds one built folder per block and blocks-manifest.php.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * The plugin's languages folder: JSON translations of the block scripts.
	 *
	 * @var string
	 */
	private string $languages_dir;

	/**
	 * Constructor.
	 *
	 * @param string                $build_dir     The folder that holds one built folder per block and blocks-manifest.php.
	 * @param string                $languages_dir The plugin's languages folder.
	 * @param Marketplace_Rows|null $marketplaces  The marketplaces the product block's editor is told about (null: none).
	 */
	public function __construct( string $build_dir, string $languages_dir, private readonly ?Marketplace_Rows $marketplaces = null ) {
		$this->build_dir     = untrailingslashit( $build_dir );
		$this->languages_dir = untrailingslashit( $languages_dir );
	}

	/**
	 * Adds the hooks.
	 */
	public function register_hooks(): void {
		add_action( 'init', array( $this, 'register_blocks' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'print_editor_data' ) );
	}

	/**
	 * Tells the product block's editor script the default marketplace and the links-only ones
	 * (country codes only: nothing secret), so a pasted link lands in the right marketplace and
	 * a links-only one is not searched.
	 */
	public function print_editor_data(): void {
		if ( null === $this->marketplaces || ! current_user_can( 'edit_posts' ) ) {
			return;
		}
		$data = array(
			'defaultCountry' => (string) $this->marketplaces->default_country(),
			'linksOnly'      => $this->marketplaces->links_only_countries(),
		);
		wp_add_inline_script(
			generate_block_asset_handle( 'creators-connect-for-amazon/product', 'editorScript' ),
			'window.acapiEditor = ' . wp_json_encode( $data ) . ';',
			'before'
		);
	}

	/**
	 * Registers every block of the manifest.
	 *
	 * WordPress 6.8 registers a whole collection in one call and 6.7 can at least cache the
	 * metadata; 6.6 needs one register_block_type() per block.
	 */
	public function register_blocks(): void {
		$manifest = $this->build_dir . '/blocks-manifest.php';
		if ( function_exists( 'wp_register_block_types_from_metadata_collection' ) ) {
			wp_register_block_types_from_metadata_collection( $this->build_dir, $manifest );
		} else {
			if ( function_exists( 'wp_register_block_metadata_collection' ) ) {
				wp_register_block_metadata_collection( $this->build_dir, $manifest );
			}
			$blocks = require $manifest;
			foreach ( array_keys( (array) $blocks ) as $block_folder ) {
				register_block_type( $this->build_dir . '/' . $block_folder );
			}
		}
		$this->set_script_translations();
	}

	/**
	 * Points the blocks' editor scripts at the plugin's languages folder: core registers them with
	 * the text domain only, so it would look in wp-content/languages/plugins alone.
	 */
	private function set_script_translations(): void {
		foreach ( \WP_Block_Type_Registry::get_instance()->get_all_registered() as $name => $block_type ) {
			if ( ! str_starts_with( (string) $name, 'creators-connect-for-amazon/' ) ) {
				continue;
			}
			foreach ( $block_type->editor_script_handles as $handle ) {
				wp_set_script_translations( $handle, 'creators-connect-for-amazon', $this->languages_dir );
			}
		}
	}
}
